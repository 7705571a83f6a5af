"""A model returns a dict of outputs, each annotated with the class count; the auxiliary
head was built for another task."""
from typing import Dict, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
body = Dense(20, 32, relu)
main_head, aux_head = Dense(32, 10), Dense(32, 10)


@tf.shapecheck
def forward(x: Tensor[B, 20]) -> Dict[str, Tensor[B, 10]]:
    h = body(x)
    return {"logits": main_head(h), "aux": aux_head(h)}


print({k: v.shape for k, v in forward(tf.randn(3, 20)).items()})
