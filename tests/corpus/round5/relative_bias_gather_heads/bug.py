"""A learned relative-position bias table [2T-1, H] read per query/key pair, heads moved first."""
import typedflux as tf

T, H = 5, 3
table = tf.randn(2 * T - 1, H)
rel = [[j - i + T - 1 for j in range(T)] for i in range(T)]
bias = table[tf.tensor(rel)]
bias = bias.transpose(0, 1, 2)
scores = tf.randn(2, H, T, T) + bias  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 3, 5, 5], y has Tensor[5, 5, 3]; need equal sizes or 1 at axis -3 (3 vs 5)  [shape]
print(scores.shape)
