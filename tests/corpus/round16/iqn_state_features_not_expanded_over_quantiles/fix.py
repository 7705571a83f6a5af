"""IQN: each of the N sampled quantile fractions gets a cosine embedding (B, N, D) that
multiplies the state's features (B, D) elementwise; the features need a quantile axis."""
import math

import typedflux as tf
from typedflux import Dense, relu

B, N, D, E = 4, 8, 32, 64
state = tf.randn(B, D)
taus = tf.rand(B, N, 1)
phi = Dense(E, D, relu)
emb = phi(tf.cos(taus * tf.arange(E) * math.pi))
mixed = state[:, None, :] * emb
print(mixed.shape)
