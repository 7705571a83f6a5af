"""A linear probe reuses a trained model's last layer on features taken before the
penultimate layer."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(20, 64, relu), Dense(64, 32, relu), Dense(32, 5))
head = model.layers[-1]
body = model[:2]
early = model[:1]
x = tf.randn(7, 20)
print(head(body(x)).shape)
