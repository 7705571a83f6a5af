"""Flux's `SkipConnection(layer, (mx, x) -> vcat(mx, x))` ported with the wrong axis: Julia's
vcat joins features (its first axis), but axis=0 here stacks along the batch."""
import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, relu

model = Chain(
    Dense(8, 8, relu),
    SkipConnection(Dense(8, 8, relu), lambda mx, x: tf.cat(mx, x, axis=0)),
    Dense(16, 2),  # BUG  # E: Chain layer 3 Dense(16 => 2) expects input Tensor[..., 16], but layer 2 SkipConnection(Dense(8 => 8, relu), <lambda>) produces Tensor[2*B, 8]; change Dense(16 => 2) to Dense(8 => 2)  [shape]
)
print(model(tf.randn(4, 8)).shape)
