"""ALiBi: per-head slopes times the distance matrix need two new axes, not one."""
import typedflux as tf

H, T = 4, 6
slopes = tf.tensor([0.5, 0.25, 0.125, 0.0625])
pos = tf.arange(T)
dist = (pos.reshape(1, T) - pos.reshape(T, 1)).abs()
bias = -slopes[:, None] * dist  # BUG  # E: Cannot broadcast for "mul": x has Tensor[4, 1], y has Tensor[6, 6]; need equal sizes or 1 at axis -2 (4 vs 6)  [shape]
scores = tf.randn(2, H, T, T) + bias
print(scores.shape)
