"""Heads are merged back with a pattern that forgets the head axis."""
import typedflux as tf

heads = tf.randn(2, 4, 5, 8)
merged = tf.rearrange(heads, "b h t d -> b t (h d)")
print(merged.shape)
