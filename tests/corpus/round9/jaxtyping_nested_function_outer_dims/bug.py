"""jaxtyping's dims shared between an outer function and a nested one, translated: the inner
helper promises the outer's feature width but returns the hidden one."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
up, down = Dense(16, 64, relu), Dense(64, 16)


def block(x: Tensor[B, 16]) -> Tensor[B, 16]:
    @tf.shapecheck
    def mlp(h: Tensor[B, 16]) -> Tensor[B, 16]:
        return up(h)  # BUG  # E: Return shape Tensor[B, 64] does not match the annotation Tensor[B, 16]: axis 1 is 64, expected 16  [shape]

    return x + mlp(x)


print(block(tf.randn(2, 16)).shape)
