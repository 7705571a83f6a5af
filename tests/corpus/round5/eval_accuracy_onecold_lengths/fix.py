"""Validation accuracy with onecold: the label list is for another split's size."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(5, 16, relu), Dense(16, 3))
val_x = tf.randn(12, 5)
val_labels = [i % 3 for i in range(12)]
val_y = tf.onehot(val_labels, 3)
correct = tf.onecold(model(val_x)) == tf.onecold(val_y)
print(correct.sum().item() / 12)
