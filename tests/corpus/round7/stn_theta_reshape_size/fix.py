"""A spatial transformer's localisation net predicts the 2x3 affine matrix; its last layer
gives four numbers."""
import typedflux as tf
from typedflux import Chain, Dense, Flatten, relu

loc = Chain(Flatten(), Dense(64, 32, relu), Dense(32, 6))
x = tf.randn(5, 1, 8, 8)
theta = loc(x).reshape(5, 2, 3)
print(theta.shape)
