"""Per-example losses are summed over the batch instead of over the features."""
import typedflux as tf

pred = tf.randn(6, 4)
target = tf.randn(6, 4)
per_example = ((pred - target) ** 2).sum(axis=0)
weights = tf.ones(6)
print((per_example * weights).mean().item())  # BUG  # E: Cannot broadcast for "mul": x has Tensor[4], y has Tensor[6]; need equal sizes or 1 at axis -1 (4 vs 6)  [shape]
