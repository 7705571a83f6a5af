"""A mixture density network's head gives, per sample, K mixture logits, K*D means and K*D
scales; it was split as (K, K, K), the sizes of a one-dimensional output."""
import typedflux as tf
from typedflux import Chain, Dense, tanh

K, D = 5, 2
net = Chain(Dense(3, 32, tanh), Dense(32, K + 2 * K * D))
out = net(tf.randn(16, 3))
pi, mu, log_sigma = tf.split(out, (K, K, K), axis=1)  # BUG  # E: Sizes do not add up for "split": x has Tensor[16, 25], sizes are (5, 5, 5); need a sum of 25 at axis 1 (15 vs 25)  [shape]
print(tf.softmax(pi, axis=1).shape, mu.shape, tf.exp(log_sigma).shape)
