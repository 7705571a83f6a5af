"""A bilinear form x^T W y per sample with einsum; the weight was built transposed."""
import typedflux as tf

x = tf.randn(4, 6)
y = tf.randn(4, 9)
w = tf.randn(6, 9)
score = tf.einsum("bi,ij,bj->b", x, w, y)
print(score.shape)
