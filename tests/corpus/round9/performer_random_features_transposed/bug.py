"""Performer's positive random features exp(x W^T - |x|^2/2): W is (features, dim); the
product used W untransposed."""
import typedflux as tf

D, M = 16, 32
w = tf.randn(M, D)
x = tf.randn(2, 10, D)
phi = tf.exp(x @ w - (x * x).sum(axis=-1, keepdims=True) / 2)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 10, 16], w has Tensor[32, 16]; need x.shape[-1] == w.shape[-2] (16 vs 32); did you mean to transpose w (w.T)?  [shape]
print(phi.shape)
