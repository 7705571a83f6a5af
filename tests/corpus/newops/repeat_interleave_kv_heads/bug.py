"""Grouped-query attention repeats 2 key heads to 8 query heads with the wrong count."""
import typedflux as tf

q = tf.randn(1, 8, 5, 4)
k = tf.randn(1, 2, 5, 4)
k_full = tf.repeat_interleave(k, 2, axis=1)
print(tf.einsum("bhtd,bhsd->bhts", q, k_full).shape)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[1, 8, 5, 4], xs[1] has Tensor[1, 4, 5, 4]; need one size for "h" in "bhtd,bhsd->bhts" (8 at axis 1 of xs[0] vs 4 at axis 1 of xs[1])  [shape]
