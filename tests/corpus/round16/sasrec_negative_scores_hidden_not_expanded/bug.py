"""SASRec: the sequence's hidden states (B, T, D) are scored against N sampled negative items per
step, (B, T, N, D); the hidden states need an axis for the negatives."""
import numpy as np

import typedflux as tf
from typedflux import Embedding

B, T, N, D, ITEMS = 2, 7, 5, 16, 100
items = Embedding(ITEMS, D)
hidden = tf.randn(B, T, D)
negatives = items(tf.tensor(np.random.default_rng(0).integers(0, ITEMS, (B, T, N))))
neg_logits = (hidden * negatives).sum(axis=-1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 7, 16], y has Tensor[2, 7, 5, 16]; need equal sizes or 1 at axis -3 (2 vs 7)  [shape]
print(neg_logits.shape)
