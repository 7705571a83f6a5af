"""A multi-branch block written over many lines inside a Chain; the third branch's conv takes
the channels of the stem's input, not its output."""
import typedflux as tf
from typedflux import Chain, Conv, Parallel, relu

model = Chain(
    Conv((3, 3), 3, 24, relu, pad=1),
    Parallel(
        tf.add,
        Conv((1, 1), 24, 24, relu),
        Conv((3, 3), 24, 24, relu, pad=1),
        Conv((5, 5), 3, 24, relu, pad=2),  # BUG  # E: Chain layer 2 Parallel(add, Conv((1, 1), 24 => 24, relu), Conv((3, 3), 24 => 24, relu, pad=1), Conv((5, 5), 3 => 24, relu, pad=2)): Conv((5, 5), 3 => 24, relu, pad=2) expects input Tensor[B, 3, H, W], got Tensor[B, 24, H', W']; need size 3 at axis 1 (got 24)  [shape]  # N: input to layer 2: Tensor[B, 24, H', W']
    ),
    Conv((1, 1), 24, 8),
)
print(model(tf.randn(1, 3, 8, 8)).shape)
