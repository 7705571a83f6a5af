"""Dynamic routing between capsules: the coupling coefficients (batch, in, out) weight the
prediction vectors (batch, in, out, dim); the new axis was put before out, not after."""
import typedflux as tf

u_hat = tf.randn(2, 32, 10, 16)
b = tf.zeros(2, 32, 10)
c = tf.softmax(b, axis=2)
s = (c[:, :, :, None] * u_hat).sum(axis=1)
sq = (s * s).sum(axis=-1, keepdims=True)
v = sq / (1 + sq) * s / tf.sqrt(sq + 1e-8)
print(v.shape)
