"""Attention scores with einsum over keys kept as (batch, keys, heads, dim), the layout a
projection's reshape gives, against a subscript that expects heads second."""
import typedflux as tf

q = tf.randn(2, 4, 6, 8)   # b h q d
k = tf.randn(2, 7, 4, 8)   # b k h d
scores = tf.einsum("bhqd,bhkd->bhqk", q, k)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[2, 4, 6, 8], xs[1] has Tensor[2, 7, 4, 8]; need one size for "h" in "bhqd,bhkd->bhqk" (4 at axis 1 of xs[0] vs 7 at axis 1 of xs[1])  [shape]
print(tf.softmax(scores, axis=-1).shape)
