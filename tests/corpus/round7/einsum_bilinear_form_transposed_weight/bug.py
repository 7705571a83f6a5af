"""A bilinear form x^T W y per sample with einsum; the weight was built transposed."""
import typedflux as tf

x = tf.randn(4, 6)
y = tf.randn(4, 9)
w = tf.randn(9, 6)
score = tf.einsum("bi,ij,bj->b", x, w, y)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[4, 6], xs[1] has Tensor[9, 6]; need one size for "i" in "bi,ij,bj->b" (6 at axis 1 of xs[0] vs 9 at axis 0 of xs[1])  [shape]
print(score.shape)
