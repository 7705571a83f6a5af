"""Data-dependent shapes: boolean masks, index tensors, lists from data, repeat counts from data."""
import numpy as np

import typedflux as tf
from typedflux import Dense

x = tf.randn(6, 4)
mask = x[:, 0] > 0
sel = x[mask]
print((sel + tf.zeros(sel.shape[0], 4)).shape, Dense(4, 1)(sel).shape)
idx = tf.tensor([0, 2, 2, 5, 1])
print((x[idx] + tf.zeros(5, 4)).shape)
rows = [r for r in range(6) if r % 2 == 0]
print((x[rows] + tf.zeros(3, 4)).shape)
n = int((x[:, 1] > 10).sum().item())
print((x[:n] + tf.zeros(n, 4)).shape)
keep = np.flatnonzero(np.arange(6) > 3)
print((x[tf.tensor(keep)] + tf.zeros(2, 4)).shape)
counts = [1, 2, 3]
y = tf.repeat_interleave(tf.randn(3, 2), 2, axis=0)
print((y + tf.zeros(6, 2)).shape)
z = x[x[:, 0] > 100]
print(z.shape, Dense(4, 2)(z).shape)
t = tf.tensor([[1.0, 2.0], [3.0, 4.0]])[tf.tensor([True, False])]
print((t + tf.zeros(1, 2)).shape)
