"""An MLP classifier whose forward is annotated; the last layer has the wrong width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

model = Chain(Dense(784, 128, relu), Dense(128, 64, relu), Dense(64, 100))


@tf.shapecheck
def forward(x: Tensor[B, 784]) -> Tensor[B, 10]:
    return model(x)  # BUG  # E: Return shape Tensor[B, 100] does not match the annotation Tensor[B, 10]: axis 1 is 100, expected 10  [shape]


logits = forward(tf.randn(4, 784))
print(logits.shape)
