"""Mean-pooling token embeddings over the feature axis instead of the sequence."""
import typedflux as tf
from typedflux import Dense, Embedding

tokens = tf.tensor([[1, 2, 3, 4, 5], [6, 7, 8, 9, 0]])
h = Embedding(1000, 64)(tokens)
pooled = h.mean(axis=1)
logits = Dense(64, 2)(pooled)
print(logits.shape)
