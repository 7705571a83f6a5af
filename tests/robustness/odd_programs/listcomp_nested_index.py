"""Nested comprehensions over index tensors and conditional comprehensions into stack."""
import typedflux as tf
from typedflux import Dense

table = tf.randn(10, 3)
groups = [[table[tf.tensor([i, j])] for j in range(2)] for i in range(3)]
flat = [t for row in groups for t in row]
picked = tf.stack([table[tf.tensor([k])] for k in range(5) if k % 2 == 0])
experts = [Dense(3, 3) for _ in range(4)]
outs = tf.stack([e(table) for e in experts if e is not None], axis=1)
print(len(flat), picked.shape, outs.reshape(10, 12).shape)
