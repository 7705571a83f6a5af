"""The issue's ResNet case: a SkipConnection(Chain(...), tf.add) whose main path widens the
channels, with no projection shortcut, inside the stage's Chain."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, GlobalMeanPool, Flatten, Dense, SkipConnection, relu

net = Chain(
    Conv((3, 3), 3, 32, relu, pad=1),
    SkipConnection(
        Chain(Conv((3, 3), 32, 64, pad=1), BatchNorm(64, relu), Conv((3, 3), 64, 64, pad=1)),  # BUG  # E: SkipConnection(Chain(Conv((3, 3), 32 => 64, pad=1), BatchNorm(64, relu), Conv((3, 3), 64 => 64, pad=1)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 64, H', W'], xs[1] has Tensor[B, 32, H', W']; need equal sizes or 1 at axis -3 (64 vs 32); change Conv((3, 3), 64 => 64, pad=1) to Conv((3, 3), 64 => 32, pad=1), or Conv((3, 3), 32 => 64, pad=1) to Conv((3, 3), 64 => 64, pad=1)  [shape]
        tf.add,
    ),
    GlobalMeanPool(),
    Flatten(),
    Dense(32, 10),
)
print(net(tf.randn(2, 3, 8, 8)).shape)
