"""Flux's `SkipConnection(layer, (mx, x) -> cat(mx, x; dims=3))` ported inline: the lambda
doubles the channels (16 + 16), but the next conv takes 16."""
import typedflux as tf
from typedflux import Chain, Conv, SkipConnection, relu

model = Chain(
    Conv((3, 3), 3, 16, relu, pad=1),
    SkipConnection(Conv((3, 3), 16, 16, relu, pad=1), lambda mx, x: tf.cat(mx, x, axis=1)),
    Conv((1, 1), 16, 8),  # BUG  # E: Chain layer 3 Conv((1, 1), 16 => 8) expects input Tensor[B, 16, H, W], but layer 2 SkipConnection(Conv((3, 3), 16 => 16, relu, pad=1), <lambda>) produces Tensor[B, 32, H', W']; change Conv((1, 1), 16 => 8) to Conv((1, 1), 32 => 8)  [shape]
)
print(model(tf.randn(2, 3, 8, 8)).shape)
