"""Heads are merged back with a pattern that forgets the head axis."""
import typedflux as tf

heads = tf.randn(2, 4, 5, 8)
merged = tf.rearrange(heads, "b t (h d) -> b t h d")  # BUG  # E: Invalid pattern for "rearrange": pattern is "b t (h d) -> b t h d"; need the sizes of all but one name in a group ("(h d)": give h= or d=)  [shape]
print(merged.shape)
