"""SqueezeNet's fire module joins its two expand branches on the channels; `tf.cat` joins
the last axis unless told, so the next conv gets half the channels it expects."""
import typedflux as tf
from typedflux import Chain, Conv, Parallel, Tensor, relu


def channels(a: Tensor, b: Tensor) -> Tensor:
    return tf.cat(a, b, axis=1)


fire = Chain(
    Conv((1, 1), 32, 8, relu),
    Parallel(tf.cat, Conv((1, 1), 8, 16, relu), Conv((3, 3), 8, 16, relu, pad=1)),
    Conv((1, 1), 32, 10),  # BUG  # E: Chain layer 3 Conv((1, 1), 32 => 10) expects input Tensor[B, 32, H, W], but layer 2 Parallel(cat, Conv((1, 1), 8 => 16, relu), Conv((3, 3), 8 => 16, relu, pad=1)) produces Tensor[B, 16, H', 2*W']; change Conv((1, 1), 32 => 10) to Conv((1, 1), 16 => 10)  [shape]
)
print(fire(tf.randn(2, 32, 6, 6)).shape)
