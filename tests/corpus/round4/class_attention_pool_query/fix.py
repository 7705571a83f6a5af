"""Attention pooling with a learned query tensor attribute of the wrong width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class AttnPool:
    def __init__(self) -> None:
        self.query = tf.randn(24)
        self.proj = Dense(24, 24)

    def __call__(self, h: Tensor[B, T, 24]) -> Tensor[B, 24]:
        keys = self.proj(h)
        scores = (keys @ self.query).softmax(axis=1)
        return (h * scores[:, :, None]).sum(axis=1)


print(AttnPool()(tf.randn(2, 5, 24)).shape)
