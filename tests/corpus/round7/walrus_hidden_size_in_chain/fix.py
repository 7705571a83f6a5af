"""A hidden size bound with a walrus inside the model expression; the head reuses the
input size instead."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(6, (h := 24), relu), Dense(h, 2))
print(model(tf.randn(3, 6)).shape)
