"""A Parallel(tf.cat, tf.identity, Dense) keeps the input beside a projection; the Dense
after it forgot the identity branch's width."""
import typedflux as tf
from typedflux import Chain, Dense, Parallel, relu

model = Chain(
    Dense(6, 16, relu),
    Parallel(tf.cat, tf.identity, Dense(16, 8, relu)),
    Dense(24, 2),
)
print(model(tf.randn(4, 6)).shape)
