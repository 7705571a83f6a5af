"""Mean-pooling token embeddings over the feature axis instead of the sequence."""
import typedflux as tf
from typedflux import Dense, Embedding

tokens = tf.tensor([[1, 2, 3, 4, 5], [6, 7, 8, 9, 0]])
h = Embedding(1000, 64)(tokens)
pooled = h.mean(axis=2)
logits = Dense(64, 2)(pooled)  # BUG  # E: Dense(64 => 2) expects input Tensor[..., 64], got Tensor[2, 5]; need size 64 at axis -1 (got 5)  [shape]
print(logits.shape)
