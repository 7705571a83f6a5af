"""Splitting heads by reshape + transpose: the head dim is computed with the wrong head count."""
import typedflux as tf

B, T, D, H = 2, 5, 32, 4
x = tf.randn(B, T, D)
q = x.reshape(B, T, H, D // H).transpose(0, 2, 1, 3)
print(q.shape)
