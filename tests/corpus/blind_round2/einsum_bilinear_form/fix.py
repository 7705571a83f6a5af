"""A bilinear form x^T W y in einsum with y of x's width instead of W's columns."""
import typedflux as tf

x = tf.randn(4, 16)
W = tf.randn(16, 8)
y = tf.randn(4, 8)
score = tf.einsum("bi,ij,bj->b", x, W, y)
print(score.shape)
