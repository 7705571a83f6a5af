"""Rows selected by a data-dependent count feed a layer; the slice of features is wrong."""
import typedflux as tf
from typedflux import Dense

layer = Dense(6, 2)
data = tf.randn(10, 6)
keep = int((data.numpy()[:, 0] > 0).sum()) + 1
rows = data[:keep]
cols = rows[:, 1:]
out = layer(cols)  # BUG  # E: Dense(6 => 2) expects input Tensor[..., 6], got Tensor[?, 5]; need size 6 at axis -1 (got 5)  [shape]
print(out.shape, tf.zeros(keep, 2).shape)
