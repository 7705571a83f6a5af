"""A variable rebound to new shapes step by step (allow_redefinition); one step is wrong."""
import typedflux as tf

x = tf.randn(2, 3, 4)
x = x.transpose(0, 2, 1)
x = x.reshape(2, 12)
x = x @ tf.randn(4, 5)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 12], w has Tensor[4, 5]; need x.shape[-1] == w.shape[-2] (12 vs 4)  [shape]
print(x.shape)
