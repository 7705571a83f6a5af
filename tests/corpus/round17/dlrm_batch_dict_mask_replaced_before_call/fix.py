"""A training batch kept as a dict: the padding mask is replaced by a per-feature mask before
the batch is unpacked into the model step, which reads dense features (B, 13) and a mask of the
same shape."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
bottom = Dense(13, 8)


@tf.shapecheck
def step(dense: Tensor[B, 13], mask: Tensor[B, 13]) -> Tensor[B, 8]:
    return bottom(dense * mask)


batch = {"dense": tf.randn(4, 13), "mask": tf.ones(4, 13)}
batch["mask"] = tf.ones(4, 13) * 0.5
out = step(**batch)
print(out.shape)
