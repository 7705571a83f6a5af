"""A mixture density network's head gives K mixture logits, K*OUT means and K*OUT log
scales; it was sized without the scales."""
import typedflux as tf
from typedflux import Dense

K, OUT = 5, 2
head = Dense(64, K + K * OUT)
h = tf.randn(16, 64)
pi_logits, mu, log_sigma = tf.split(head(h), (K, K * OUT, K * OUT))  # BUG  # E: Sizes do not add up for "split": x has Tensor[16, 15], sizes are (5, 10, 10); need a sum of 15 at axis 1 (25 vs 15)  [shape]
print(mu.reshape(16, K, OUT).shape, tf.exp(log_sigma).shape, pi_logits.shape)
