"""An async inference handler annotated with the number of classes returns the
penultimate features."""
import asyncio
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
body, head = Dense(16, 32, relu), Dense(32, 4)


@tf.shapecheck
async def predict(x: Tensor[B, 16]) -> Tensor[B, 4]:
    await asyncio.sleep(0)
    return head(body(x))


print(asyncio.run(predict(tf.randn(2, 16))).shape)
