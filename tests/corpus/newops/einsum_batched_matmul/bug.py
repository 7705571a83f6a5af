"""A bilinear score between a query batch and a key matrix uses the wrong shared label."""
import typedflux as tf

queries = tf.randn(4, 16)
keys = tf.randn(10, 16)
sim = tf.einsum("bd,dk->bk", queries, keys)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[4, 16], xs[1] has Tensor[10, 16]; need one size for "d" in "bd,dk->bk" (16 at axis 1 of xs[0] vs 10 at axis 0 of xs[1])  [shape]
print(sim.shape)
