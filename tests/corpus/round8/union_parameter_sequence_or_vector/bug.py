"""A readout takes a vector or a sequence of model-width features (a Union annotation);
it is given the vocabulary logits."""
from typing import TypeVar, Union

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
proj = Dense(32, 8)


@tf.shapecheck
def readout(h: Union[Tensor[B, 32], Tensor[B, T, 32]]) -> Tensor[B, 8]:
    pooled = h.reshape(h.shape[0], -1, 32).mean(axis=1)
    return proj(pooled)


lm_head = Dense(32, 50)
h = tf.randn(2, 5, 32)
print(readout(lm_head(h)).shape)  # BUG  # E: Argument "h" of "readout" has shape Tensor[2, 5, 50], which matches no member of the annotation Tensor[B, 32] | Tensor[B, T, 32]: Tensor[B, 32] (rank is 3, expected 2); Tensor[B, T, 32] (axis 2 is 50, expected 32)  [shape]
