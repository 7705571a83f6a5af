"""Performer's positive random features exp(x W^T - |x|^2/2): W is (features, dim); the
product used W untransposed."""
import typedflux as tf

D, M = 16, 32
w = tf.randn(M, D)
x = tf.randn(2, 10, D)
phi = tf.exp(x @ w.T - (x * x).sum(axis=-1, keepdims=True) / 2)
print(phi.shape)
