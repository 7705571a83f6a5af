"""Per-example losses are summed over the batch instead of over the features."""
import typedflux as tf

pred = tf.randn(6, 4)
target = tf.randn(6, 4)
per_example = ((pred - target) ** 2).sum(axis=1)
weights = tf.ones(6)
print((per_example * weights).mean().item())
