"""Token-tagging accuracy with a padding mask: the mask kept a trailing axis from the
attention code, so it broadcasts the batch against time."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
TAGS: Final = 5
tagger = Dense(8, TAGS)


def tag_accuracy(h: Tensor[B, T, 8], gold: Tensor[B, T], mask: Tensor[B, T]) -> Tensor[()]:
    hits = (tf.onecold(tagger(h)) == gold) * 1.0
    m = mask
    return (hits * m).sum() / m.sum()


gold = tf.tensor([[0, 1, 2, 3, 4], [4, 3, 2, 1, 0]])
print(tag_accuracy(tf.randn(2, 5, 8), gold, tf.ones(2, 5)).item())
