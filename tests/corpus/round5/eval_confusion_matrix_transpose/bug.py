"""A confusion matrix from one-hot predictions and targets: the first needs a transpose."""
import typedflux as tf
from typedflux import Chain, Dense

model = Chain(Dense(6, 4))
x = tf.randn(20, 6)
truth = tf.onehot([i % 4 for i in range(20)], 4)
pred = tf.onehot(tf.onecold(model(x)).numpy().tolist(), 4)
conf = pred @ truth  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[20, 4], w has Tensor[20, 4]; need x.shape[-1] == w.shape[-2] (4 vs 20); did you mean to transpose w (w.T)?  [shape]
print(conf.shape)
