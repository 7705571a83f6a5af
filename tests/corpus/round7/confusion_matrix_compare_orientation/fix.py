"""A confusion matrix from class ids compared with `arange`: the classes were laid along
rows for the predictions."""
from typing import Final

import typedflux as tf

C: Final = 3
pred = tf.tensor([0, 2, 1, 1, 0])
true = tf.tensor([0, 1, 1, 2, 0])
p1h = (pred[:, None] == tf.arange(C)[None, :]) * 1.0
t1h = (true[:, None] == tf.arange(C)[None, :]) * 1.0
print((t1h.T @ p1h).shape)
