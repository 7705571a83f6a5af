"""Validation accuracy compares onecold of the validation logits with onecold of the
training labels."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(8, 16, relu), Dense(16, 3))
x_train, y_train = tf.randn(40, 8), tf.onehot([i % 3 for i in range(40)], 3)
x_val, y_val = tf.randn(12, 8), tf.onehot([i % 3 for i in range(12)], 3)
pred = tf.onecold(model(x_val))
acc = (pred == tf.onecold(y_val)).mean()
print(acc.item())
