"""Accuracy of a batch's predictions against a label list of the whole epoch."""
import typedflux as tf
from typedflux import Dense

head = Dense(8, 4)
labels = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1]
batch = tf.randn(5, 8)
pred = tf.onecold(head(batch))
acc = (pred == tf.tensor(labels)).mean()  # BUG  # E: Cannot broadcast for "eq": x has Tensor[5], y has Tensor[10]; need equal sizes or 1 at axis -1 (5 vs 10)  [shape]
print(acc.item())
