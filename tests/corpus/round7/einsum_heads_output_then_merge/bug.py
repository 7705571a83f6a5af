"""Attention by einsum whose output labels put time before heads; the merge pattern reads
heads first."""
import typedflux as tf

q = tf.randn(2, 4, 5, 8)
k = tf.randn(2, 4, 5, 8)
v = tf.randn(2, 4, 5, 8)
w = tf.softmax(tf.einsum("bhqd,bhkd->bhqk", q, k), axis=-1)
out = tf.einsum("bhqk,bhkd->bqhd", w, v)
merged = tf.rearrange(out, "b h t d -> b t (h d)")
print((merged + tf.randn(2, 5, 32)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 4, 40], y has Tensor[2, 5, 32]; need equal sizes or 1 at axis -2 (4 vs 5)  [shape]
