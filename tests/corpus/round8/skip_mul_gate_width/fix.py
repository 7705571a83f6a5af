"""A gated residual, SkipConnection(gate, tf.mul), whose gate ends in a sigmoid over the
hidden width instead of the input width."""
import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, relu, sigmoid

model = Chain(
    Dense(12, 32, relu),
    SkipConnection(Chain(Dense(32, 8, relu), Dense(8, 32, sigmoid)), tf.mul),
    Dense(32, 1),
)
print(model(tf.randn(5, 12)).shape)
