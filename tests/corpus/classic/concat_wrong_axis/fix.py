"""Two feature sets are concatenated along the batch axis instead of the features."""
import typedflux as tf
from typedflux import Dense

left = tf.randn(4, 10)
right = tf.randn(4, 6)
joined = tf.concat([left, right], axis=1)
print(Dense(16, 2)(joined).shape)
