"""Grouped-query attention repeats 2 key heads to 8 query heads with the wrong count."""
import typedflux as tf

q = tf.randn(1, 8, 5, 4)
k = tf.randn(1, 2, 5, 4)
k_full = tf.repeat_interleave(k, 4, axis=1)
print(tf.einsum("bhtd,bhsd->bhts", q, k_full).shape)
