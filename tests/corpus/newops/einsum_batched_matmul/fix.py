"""A bilinear score between a query batch and a key matrix uses the wrong shared label."""
import typedflux as tf

queries = tf.randn(4, 16)
keys = tf.randn(10, 16)
sim = tf.einsum("bd,kd->bk", queries, keys)
print(sim.shape)
