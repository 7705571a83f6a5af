"""A language model's logits (B, T, V) are compared with flattened one-hot targets (B*T, V)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Embedding, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

lm = Chain(Embedding(30, 8), Dense(8, 30))


def lm_loss(x: Tensor[B, T], y: Tensor[B, T]) -> Tensor[()]:
    logits = lm(x)
    return tf.losses.logitcrossentropy(logits, tf.onehot(y.reshape(-1), 30))  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[B, T, 30], target has Tensor[B*T, 30]; need identical shapes (no broadcasting in losses)  [shape]


ids = tf.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
print(lm_loss(ids[:, :-1], ids[:, 1:]).item())
