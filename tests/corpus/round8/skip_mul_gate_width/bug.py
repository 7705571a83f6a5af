"""A gated residual, SkipConnection(gate, tf.mul), whose gate ends in a sigmoid over the
hidden width instead of the input width."""
import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, relu, sigmoid

model = Chain(
    Dense(12, 32, relu),
    SkipConnection(Chain(Dense(32, 8, relu), Dense(8, 8, sigmoid)), tf.mul),  # BUG  # E: SkipConnection(Chain(Dense(32 => 8, relu), Dense(8 => 8, sigmoid)), mul) cannot join its input and its layer's output: Cannot broadcast for "mul": xs[0] has Tensor[B, 8], xs[1] has Tensor[B, 32]; need equal sizes or 1 at axis -1 (8 vs 32); change Dense(8 => 8, sigmoid) to Dense(8 => 32, sigmoid), or Dense(32 => 8, relu) to Dense(8 => 8, relu)  [shape]
    Dense(32, 1),
)
print(model(tf.randn(5, 12)).shape)
