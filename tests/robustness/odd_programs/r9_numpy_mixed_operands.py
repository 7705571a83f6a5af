"""numpy values mixed with tensors: arrays on either side of operators, numpy scalars as
sizes and factors, tf.tensor of a list of arrays, an int tensor as an index, and np.mean of a
tensor."""
import numpy as np

import typedflux as tf
from typedflux import Dense

table = np.linspace(0.0, 1.0, 12, dtype=np.float32).reshape(3, 4)
x = tf.randn(3, 4)
a = x + table
b = table * x
c = x * np.float32(0.5) + np.int64(2)
d = tf.tensor([np.ones(4, np.float32), np.zeros(4, np.float32)])
idx = tf.tensor([2, 0])
e = x[idx]
f = np.mean(x, axis=0)
g = Dense(4, 2)(tf.tensor(table))
n = int(np.int64(3))
h = tf.zeros(n, 2)
print(a.shape, b.shape, c.shape, d.shape, e.shape, f.shape, g.shape, h.shape)
