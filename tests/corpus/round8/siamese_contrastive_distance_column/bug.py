"""A Siamese network's contrastive loss: distances per pair against 0/1 labels; the labels
were made a column."""
import typedflux as tf
from typedflux import Chain, Dense, relu

encoder = Chain(Dense(20, 32, relu), Dense(32, 8))
a, b = encoder(tf.randn(6, 20)), encoder(tf.randn(6, 20))
dist = tf.sqrt(((a - b) ** 2).sum(axis=1) + 1e-6)
same = tf.tensor([[0.0], [1.0], [0.0], [1.0], [1.0], [0.0]])
print(tf.losses.siamese_contrastive_loss(dist, same).item())  # BUG  # E: Shapes differ for "siamese_contrastive_loss": prediction has Tensor[6], target has Tensor[6, 1]; need identical shapes (no broadcasting in losses); hint: reshape the prediction to Tensor[6, 1] or squeeze the target  [shape]
