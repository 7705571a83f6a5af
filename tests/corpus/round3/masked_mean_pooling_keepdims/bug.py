"""Sentence embedding: masked mean over tokens divides by a count without keepdims."""
import typedflux as tf
from typedflux import Embedding

emb = Embedding(1000, 48)
tokens = tf.tensor([[5, 8, 13, 0, 0], [7, 1, 2, 3, 0]])
mask = (tokens > 0) * 1.0
h = emb(tokens) * mask[:, :, None]
sent = h.sum(axis=1) / mask.sum(axis=1)  # BUG  # E: Cannot broadcast for "div": x has Tensor[2, 48], y has Tensor[2]; need equal sizes or 1 at axis -1 (48 vs 2); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(sent.shape)
