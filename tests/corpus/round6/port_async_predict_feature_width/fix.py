"""An async inference handler around a Chain; the handler's input was annotated with the
raw feature count, not the model's."""
import asyncio
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
model = Chain(Dense(8, 16, relu), Dense(16, 3))


async def predict(batch: Tensor[B, 8]) -> Tensor[B, 3]:
    await asyncio.sleep(0)
    return model(batch)


async def main() -> None:
    y = await predict(tf.randn(4, 8))
    print(y.shape)


asyncio.run(main())
