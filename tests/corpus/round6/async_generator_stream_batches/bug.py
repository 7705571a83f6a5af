"""An async stream of feature batches consumed by a model; the model takes another width."""
import asyncio
from typing import AsyncIterator

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

model = Chain(Dense(6, 4, relu), Dense(4, 2))


async def stream(n: int) -> AsyncIterator[Tensor[4, 8]]:
    for _ in range(n):
        await asyncio.sleep(0)
        yield tf.randn(4, 8)


async def consume() -> None:
    async for xb in stream(2):
        print(model(xb).shape)  # BUG  # E: Chain layer 1 Dense(6 => 4, relu) expects input Tensor[..., 6], got Tensor[4, 8]; need size 6 at axis -1 (got 8)  [shape]


asyncio.run(consume())
