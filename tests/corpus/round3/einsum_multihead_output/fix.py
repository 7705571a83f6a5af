"""Multi-head attention by einsum: the output subscripts put heads last, and the merge reshape
assumes heads first."""
import typedflux as tf
from typedflux import Dense

B, T, H, D = 2, 10, 4, 16
q = tf.randn(B, H, T, D)
k = tf.randn(B, H, T, D)
v = tf.randn(B, H, T, D)
att = tf.softmax(tf.einsum("bhqd,bhkd->bhqk", q, k) * D ** -0.5, axis=-1)
out = tf.einsum("bhqk,bhkd->bqhd", att, v)
merged = tf.rearrange(out, "b h t d -> b t (h d)")
proj = Dense(H * D, H * D)
print(proj(tf.rearrange(out, "b t h d -> b t (h d)")).shape)
