"""A mixture density network's head outputs, per sample, K mixture logits, K*O means and K*O
log scales; its Dense layer was sized for one mean per component, so the split does not add
up."""
import typedflux as tf
from typedflux import Chain, Dense, tanh

B, D, K, O = 5, 16, 3, 2
body = Chain(Dense(4, D, tanh), Dense(D, D, tanh))
head = Dense(D, K + 2 * K * O)
h = body(tf.randn(B, 4))
logits, mu, log_sigma = tf.split(head(h), (K, K * O, K * O))
mu = mu.reshape(B, K, O)
sigma = tf.exp(log_sigma).reshape(B, K, O)
print(tf.softmax(logits, axis=-1).shape, mu.shape, sigma.shape)
