"""Attention by einsum whose output labels put time before heads; the merge pattern reads
heads first."""
import typedflux as tf

q = tf.randn(2, 4, 5, 8)
k = tf.randn(2, 4, 5, 8)
v = tf.randn(2, 4, 5, 8)
w = tf.softmax(tf.einsum("bhqd,bhkd->bhqk", q, k), axis=-1)
out = tf.einsum("bhqk,bhkd->bhqd", w, v)
merged = tf.rearrange(out, "b h t d -> b t (h d)")
print((merged + tf.randn(2, 5, 32)).shape)
