"""A multi-task head returning a dict of logits; the annotation gives every head ten
classes, the parity head has two."""
from typing import Dict, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
digit_head = Dense(32, 10)
parity_head = Dense(32, 2)


@tf.shapecheck
def heads(h: Tensor[B, 32]) -> Dict[str, Tensor[B, 10]]:
    return {"digit": digit_head(h), "parity": parity_head(h)}  # BUG  # E: Return shape Tensor[B, 2] (dict entry 1) does not match the annotation Tensor[B, 10]: axis 1 is 2, expected 10  [shape]


out = heads(tf.randn(4, 32))
print({k: v.shape for k, v in out.items()})
