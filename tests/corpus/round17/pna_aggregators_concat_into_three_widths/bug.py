"""PNA: four neighbourhood aggregators (mean, max, min, std) are concatenated, 4*D features
per node, before the post-aggregation layer."""
import typedflux as tf
from typedflux import Dense

N, NB, D = 10, 5, 16
neighbours = tf.randn(N, NB, D)
aggs = [
    neighbours.mean(axis=1),
    neighbours.max(axis=1),
    neighbours.min(axis=1),
    tf.sqrt(neighbours.var(axis=1) + 1e-5),
]
post = Dense(3 * D, D)
out = post(tf.concat(aggs, axis=-1))  # BUG  # E: Dense(48 => 16) expects input Tensor[..., 48], got Tensor[10, 64]; need size 48 at axis -1 (got 64)  [shape]
print(out.shape)
