"""numpy's matmul tests (a 1-D operand promoted to a row vector), translated: a vector of 3
features times a 4 x 2 weight matrix."""
import typedflux as tf

feature = tf.randn(3)
weight = tf.randn(4, 2)
out = feature @ weight  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[3], w has Tensor[4, 2]; need x.shape[-1] == w.shape[-2] (3 vs 4)  [shape]
print(out.shape)
