"""An MLP classifier whose forward is annotated; the last layer has the wrong width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

model = Chain(Dense(784, 128, relu), Dense(128, 64, relu), Dense(64, 10))


@tf.shapecheck
def forward(x: Tensor[B, 784]) -> Tensor[B, 10]:
    return model(x)


logits = forward(tf.randn(4, 784))
print(logits.shape)
