"""A text classifier configured by a frozen dataclass; the pooling averages the features
instead of the time steps."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Dense, Embedding, Tensor


@dataclass(frozen=True)
class HParams:
    vocab: int = 50
    dim: int = 16
    classes: int = 4


class TextClassifier:
    def __init__(self, hp: HParams) -> None:
        self.embed = Embedding(hp.vocab, hp.dim)
        self.proj = Dense(hp.dim, hp.classes)

    def __call__(self, ids: Tensor) -> Tensor:
        h = self.embed(ids)
        return self.proj(h.mean(axis=1))


clf = TextClassifier(HParams())
ids = tf.zeros(2, 7, dtype=tf.int64)
print(clf(ids).shape)
