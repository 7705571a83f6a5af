"""DIN (Deep Interest Network): each of the T past behaviours is scored against the candidate
ad from [q, k, q - k, q * k]; the candidate (B, D) has to be repeated over the T behaviours
before the concatenation."""
import typedflux as tf
from typedflux import Chain, Dense, relu

B, T, D = 4, 10, 8
query = tf.randn(B, D)
keys = tf.randn(B, T, D)
scorer = Chain(Dense(4 * D, 36, relu), Dense(36, 1))
q = query
feats = tf.cat(q, keys, q - keys, q * keys, axis=-1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[4, 8], y has Tensor[4, 10, 8]; need equal sizes or 1 at axis -2 (4 vs 10)  [shape]  # E: Cannot broadcast for "mul": x has Tensor[4, 8], y has Tensor[4, 10, 8]; need equal sizes or 1 at axis -2 (4 vs 10)  [shape]
weights = scorer(feats)
interest = (weights * keys).sum(axis=1)
print(interest.shape)
