"""SkipConnection(tf.identity, tf.cat) keeps a copy of the features beside themselves,
doubling the width; the next layer expects the old width."""
import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, relu

model = Chain(
    Dense(6, 16, relu),
    SkipConnection(tf.identity, tf.cat),
    Dense(32, 3),
)
print(model(tf.randn(4, 6)).shape)
