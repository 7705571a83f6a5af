"""Pair distances are summed over the wrong axis before the contrastive loss."""
import typedflux as tf
from typedflux import Dense

embed = Dense(8, 4)
a, b = embed(tf.randn(6, 8)), embed(tf.randn(6, 8))
dist = tf.sqrt(((a - b) ** 2).sum(axis=1) + 1e-6)
same = tf.tensor([0.0, 1.0, 0.0, 1.0, 1.0, 0.0])
print(tf.losses.siamese_contrastive_loss(dist, same).item())
