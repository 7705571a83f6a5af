"""ALiBi: per-head slopes times the distance matrix need two new axes, not one."""
import typedflux as tf

H, T = 4, 6
slopes = tf.tensor([0.5, 0.25, 0.125, 0.0625])
pos = tf.arange(T)
dist = (pos.reshape(1, T) - pos.reshape(T, 1)).abs()
bias = -slopes[:, None, None] * dist
scores = tf.randn(2, H, T, T) + bias
print(scores.shape)
