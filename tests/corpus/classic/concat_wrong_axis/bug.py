"""Two feature sets are concatenated along the batch axis instead of the features."""
import typedflux as tf
from typedflux import Dense

left = tf.randn(4, 10)
right = tf.randn(4, 6)
joined = tf.concat([left, right], axis=0)  # BUG  # E: Sizes differ for "concat": xs[0] has Tensor[4, 10], xs[1] has Tensor[4, 6]; need equal sizes except at axis 0 (10 vs 6 at axis 1)  [shape]
print(Dense(16, 2)(joined).shape)
