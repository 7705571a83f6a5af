"""An Inception module, three branches joined on the channels by a lambda, in a Chain; the
conv after it was given the width of one branch."""
import typedflux as tf
from typedflux import Chain, Conv, MaxPool, Parallel, relu

net = Chain(
    Conv((3, 3), 3, 32, relu, pad=1),
    Parallel(
        lambda a, b, c: tf.cat(a, b, c, axis=1),
        Conv((1, 1), 32, 16, relu),
        Chain(Conv((1, 1), 32, 8, relu), Conv((3, 3), 8, 16, relu, pad=1)),
        Chain(MaxPool((3, 3), stride=1, pad=1), Conv((1, 1), 32, 16, relu)),
    ),
    Conv((1, 1), 16, 32, relu),  # BUG  # E: Chain layer 3 Conv((1, 1), 16 => 32, relu) expects input Tensor[B, 16, H, W], but layer 2 Parallel(<lambda>, Conv((1, 1), 32 => 16, relu), Chain(Conv((1, 1), 32 => 8, relu), Conv((3, 3), 8 => 16, relu, pad=1)), Chain(MaxPool((3, 3), stride=1, pad=1), Conv((1, 1), 32 => 16, relu))) produces Tensor[B, 48, H', W']; change Conv((1, 1), 16 => 32, relu) to Conv((1, 1), 48 => 32, relu)  [shape]
)
print(net(tf.randn(2, 3, 8, 8)).shape)
