"""ECAPA-TDNN's attentive statistics pooling: attention over time gives a weighted mean and
standard deviation per channel, concatenated (2C); the embedding layer was sized for the mean
alone."""
import typedflux as tf
from typedflux import Dense

B, C, T = 2, 16, 20
h = tf.randn(B, C, T)
att = Dense(C, C)
w = tf.softmax(att(h.transpose(0, 2, 1)).transpose(0, 2, 1), axis=-1)
mu = (h * w).sum(axis=-1)
sigma = tf.sqrt(tf.clamp((h * h * w).sum(axis=-1) - mu * mu, 1e-5, 1e9))
pooled = tf.cat(mu, sigma, axis=1)
embed = Dense(C, 192)
print(embed(pooled).shape)  # BUG  # E: Dense(16 => 192) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
