"""A linear map by hand multiplies by the weight in PyTorch's (out, in) layout without .T."""
import typedflux as tf

x = tf.randn(8, 5)
weight = tf.randn(3, 5)
bias = tf.zeros(3)
y = x @ weight + bias  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[8, 5], w has Tensor[3, 5]; need x.shape[-1] == w.shape[-2] (5 vs 3); did you mean to transpose w (w.T)?  [shape]
print(y.shape)
