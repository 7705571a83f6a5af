"""An async inference handler decorated with `@tf.shapecheck` returns the pooled features,
annotated with the head's width."""
import asyncio
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
encoder = Dense(16, 48, relu)
head = Dense(48, 4)


@tf.shapecheck
async def infer(x: Tensor[B, 16]) -> Tensor[B, 4]:
    await asyncio.sleep(0)
    return encoder(x)  # BUG  # E: Return shape Tensor[B, 48] does not match the annotation Tensor[B, 4]: axis 1 is 48, expected 4  [shape]


print(asyncio.run(infer(tf.randn(3, 16))).shape)
