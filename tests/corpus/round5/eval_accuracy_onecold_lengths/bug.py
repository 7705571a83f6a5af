"""Validation accuracy with onecold: the label list is for another split's size."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(5, 16, relu), Dense(16, 3))
val_x = tf.randn(12, 5)
val_labels = [i % 3 for i in range(16)]
val_y = tf.onehot(val_labels, 3)
correct = tf.onecold(model(val_x)) == tf.onecold(val_y)  # BUG  # E: Cannot broadcast for "eq": x has Tensor[12], y has Tensor[16]; need equal sizes or 1 at axis -1 (12 vs 16)  [shape]
print(correct.sum().item() / 12)
