"""Attention scores by einsum: the keys were projected to another head size."""
import typedflux as tf

q = tf.randn(2, 4, 10, 16)
k = tf.randn(2, 4, 10, 8)
scores = tf.einsum("bhqd,bhkd->bhqk", q, k)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[2, 4, 10, 16], xs[1] has Tensor[2, 4, 10, 8]; need one size for "d" in "bhqd,bhkd->bhqk" (16 at axis 3 of xs[0] vs 8 at axis 3 of xs[1])  [shape]
print(tf.softmax(scores, axis=-1).shape)
