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
    return ln_f(h) @ wte.weight  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[B, T, 32], w has Tensor[100, 32]; need x.shape[-1] == w.shape[-2] (32 vs 100); did you mean to transpose w (w.T)?  [shape]


print(logits(wte(tf.tensor([[1, 2, 3]]))).shape)
