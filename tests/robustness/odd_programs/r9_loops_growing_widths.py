"""Correct loops whose tensors change shape: a while loop growing a sequence with a break, a
for/else, nested loops concatenating, a width doubled each pass, and an accumulator started
from None."""
from typing import Optional

import typedflux as tf
from typedflux import Tensor

seq = tf.zeros(1, 1)
while True:
    seq = tf.cat(seq, tf.ones(1, 1), axis=1)
    if seq.shape[1] >= 5:
        break
for i in range(3):
    if i > 5:
        break
else:
    seq = tf.cat(seq, seq, axis=1)
grid = tf.zeros(2, 0)
for i in range(2):
    for j in range(3):
        grid = tf.cat(grid, tf.ones(2, 1) * (i + j), axis=1)
h = tf.randn(2, 3)
for _ in range(3):
    h = tf.cat(h, h, axis=-1)
acc: Optional[Tensor] = None
for part in (tf.ones(2, 2), tf.ones(2, 2)):
    acc = part if acc is None else acc + part
print(seq.shape, grid.shape, h.shape, acc.shape if acc is not None else None)
