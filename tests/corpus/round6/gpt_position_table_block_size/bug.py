"""GPT embeddings: token plus position; the positions were looked up for the whole block,
not for the sequence's length."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Embedding, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
VOCAB: Final = 30
BLOCK: Final = 16
D: Final = 24
wte = Embedding(VOCAB, D)
wpe = Embedding(BLOCK, D)


def embed(ids: Tensor[B, T]) -> Tensor[B, T, D]:
    t = ids.shape[1]
    pos = wpe(tf.arange(BLOCK))
    return wte(ids) + pos  # BUG  # E: Cannot broadcast for "add": x has Tensor[B, T, 24], y has Tensor[16, 24]; need equal sizes or 1 at axis -2 (T vs 16)  [shape]


print(embed(tf.zeros(2, 8, dtype=tf.int64)).shape)
