"""Rows selected by a data-dependent count feed a layer; the slice of features is wrong."""
import typedflux as tf
from typedflux import Dense

layer = Dense(6, 2)
data = tf.randn(10, 6)
keep = int((data.numpy()[:, 0] > 0).sum()) + 1
rows = data[:keep]
cols = rows[:, :]
out = layer(cols)
print(out.shape, tf.zeros(keep, 2).shape)
