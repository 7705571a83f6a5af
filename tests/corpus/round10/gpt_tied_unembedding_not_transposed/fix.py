"""GPT's tied unembedding: logits are the hidden states times the transposed token-embedding
matrix (V, D). The transpose was left out."""
from typing import TypeVar

import typedflux as tf
from typedflux import Embedding, LayerNorm, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
wte = Embedding(100, 32)
ln_f = LayerNorm(32)


def logits(h: Tensor[B, T, 32]) -> Tensor[B, T, 100]:
    return ln_f(h) @ wte.weight.T


print(logits(wte(tf.tensor([[1, 2, 3]]))).shape)
