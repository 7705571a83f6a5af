"""The issue's ResNet case: a SkipConnection(Chain(...), tf.add) whose main path widens the
channels, with no projection shortcut, inside the stage's Chain."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, GlobalMeanPool, Flatten, Dense, SkipConnection, relu

net = Chain(
    Conv((3, 3), 3, 32, relu, pad=1),
    SkipConnection(
        Chain(Conv((3, 3), 32, 64, pad=1), BatchNorm(64, relu), Conv((3, 3), 64, 32, pad=1)),
        tf.add,
    ),
    GlobalMeanPool(),
    Flatten(),
    Dense(32, 10),
)
print(net(tf.randn(2, 3, 8, 8)).shape)
