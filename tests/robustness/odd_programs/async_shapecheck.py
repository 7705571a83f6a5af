"""@tf.shapecheck on async functions, async generators and methods."""
import asyncio
from typing import AsyncIterator, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
head = Dense(4, 2)


@tf.shapecheck
async def predict(x: Tensor[B, 4]) -> Tensor[B, 2]:
    await asyncio.sleep(0)
    return head(x)


class Service:
    @tf.shapecheck
    async def handle(self, x: Tensor[B, 4]) -> Tensor[B, 2]:
        return await predict(x)


async def stream() -> AsyncIterator[Tensor[2, 4]]:
    for _ in range(2):
        yield tf.randn(2, 4)


async def main() -> None:
    async for xb in stream():
        print((await Service().handle(xb)).shape)


asyncio.run(main())
