"""SkipConnection(tf.identity, tf.cat) keeps a copy of the features beside themselves,
doubling the width; the next layer expects the old width."""
import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, relu

model = Chain(
    Dense(6, 16, relu),
    SkipConnection(tf.identity, tf.cat),
    Dense(16, 3),  # BUG  # E: Chain layer 3 Dense(16 => 3) expects input Tensor[..., 16], but layer 2 SkipConnection(identity, cat) produces Tensor[B, 32]; change Dense(16 => 3) to Dense(32 => 3)  [shape]
)
print(model(tf.randn(4, 6)).shape)
