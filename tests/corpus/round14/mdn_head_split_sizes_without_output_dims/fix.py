"""A mixture density network's head gives, per sample, K mixture logits, K*D means and K*D
scales; it was split as (K, K, K), the sizes of a one-dimensional output."""
import typedflux as tf
from typedflux import Chain, Dense, tanh

K, D = 5, 2
net = Chain(Dense(3, 32, tanh), Dense(32, K + 2 * K * D))
out = net(tf.randn(16, 3))
pi, mu, log_sigma = tf.split(out, (K, K * D, K * D), axis=1)
print(tf.softmax(pi, axis=1).shape, mu.shape, tf.exp(log_sigma).shape)
