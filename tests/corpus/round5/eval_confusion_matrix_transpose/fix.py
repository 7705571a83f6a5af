"""A confusion matrix from one-hot predictions and targets: the first needs a transpose."""
import typedflux as tf
from typedflux import Chain, Dense

model = Chain(Dense(6, 4))
x = tf.randn(20, 6)
truth = tf.onehot([i % 4 for i in range(20)], 4)
pred = tf.onehot(tf.onecold(model(x)).numpy().tolist(), 4)
conf = pred.T @ truth
print(conf.shape)
