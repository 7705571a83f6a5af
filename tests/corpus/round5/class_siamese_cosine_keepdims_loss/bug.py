"""A siamese net: cosine similarity with keepdims norms broadcasts to [B, B] before the loss."""
import typedflux as tf
from typedflux import Chain, Dense, relu

encoder = Chain(Dense(10, 32, relu), Dense(32, 8))
a = encoder(tf.randn(6, 10))
b = encoder(tf.randn(6, 10))
na = (a * a).sum(axis=1, keepdims=True).sqrt()
nb = (b * b).sum(axis=1).sqrt()
cos = (a * b).sum(axis=1) / (na * nb)
target = tf.ones(6)
loss = tf.losses.mse(cos, target)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[6, 6], target has Tensor[6]; need identical shapes (no broadcasting in losses)  [shape]
print(loss.item())
