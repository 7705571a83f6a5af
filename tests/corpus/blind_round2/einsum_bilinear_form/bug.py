"""A bilinear form x^T W y in einsum with y of x's width instead of W's columns."""
import typedflux as tf

x = tf.randn(4, 16)
W = tf.randn(16, 8)
y = tf.randn(4, 16)
score = tf.einsum("bi,ij,bj->b", x, W, y)  # BUG  # E: Sizes differ for "einsum": xs[1] has Tensor[16, 8], xs[2] has Tensor[4, 16]; need one size for "j" in "bi,ij,bj->b" (8 at axis 1 of xs[1] vs 16 at axis 1 of xs[2])  [shape]
print(score.shape)
