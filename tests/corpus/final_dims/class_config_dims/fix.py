"""A config class holds the sizes as Final class attributes; the head uses the wrong one."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class Config:
    VOCAB: Final = 50
    DIM: Final = 16
    CLASSES: Final = 4


class TextClassifier:
    def __init__(self) -> None:
        self.embed = Embedding(Config.VOCAB, Config.DIM)
        self.head = Dense(Config.DIM, Config.CLASSES)

    @tf.shapecheck
    def __call__(self, ids: Tensor[B, T]) -> Tensor[B, Config.CLASSES]:
        h = self.embed(ids).mean(axis=1)
        return self.head(h)


model = TextClassifier()
print(model(tf.tensor([[1, 2, 3], [4, 5, 6]])).shape)
