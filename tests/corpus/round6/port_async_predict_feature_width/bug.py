"""An async inference handler around a Chain; the handler's input was annotated with the
raw feature count, not the model's."""
import asyncio
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
model = Chain(Dense(8, 16, relu), Dense(16, 3))


async def predict(batch: Tensor[B, 6]) -> Tensor[B, 3]:
    await asyncio.sleep(0)
    return model(batch)  # BUG  # E: Chain layer 1 Dense(8 => 16, relu) expects input Tensor[..., 8], got Tensor[B, 6]; need size 8 at axis -1 (got 6)  [shape]


async def main() -> None:
    y = await predict(tf.randn(4, 6))
    print(y.shape)


asyncio.run(main())
