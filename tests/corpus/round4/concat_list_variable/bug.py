"""A list of tensors of several widths concatenated on the last axis; the total is miscounted."""
import typedflux as tf
from typedflux import Dense

feats = [tf.randn(4, 3), tf.randn(4, 5), tf.randn(4, 2)]
joined = tf.concat(feats, axis=-1)
extra = [tf.randn(4, n) for n in (1, 2, 3)]
more = tf.concat(extra, axis=1)
print(Dense(10, 2)(joined).shape, more.shape)
print(Dense(11, 2)(joined).shape)  # BUG  # E: Dense(11 => 2) expects input Tensor[..., 11], got Tensor[4, 10]; need size 11 at axis -1 (got 10)  [shape]
