"""jaxtyping's per-example style (a function typed for one example, Float[Array, "d"] ->
Float[Array, "k"], mapped over the batch as vmap would): the per-example features are stacked
into Float[Array, "b k"] for the classifier; stacking on axis 1 gives (k, b)."""
from __future__ import annotations

from typing import List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

D = TypeVar("D", bound=int)

encoder = Dense(6, 4)


@tf.shapecheck
def per_example(x: Tensor[6]) -> Tensor[4]:
    return encoder(x[None, :])[0]


batch = tf.randn(5, 6)
feats: List[Tensor] = [per_example(batch[i]) for i in range(5)]
stacked = tf.stack(feats, axis=1)
classifier = Dense(4, 3)
logits = classifier(stacked)  # BUG  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[4, 5]; need size 4 at axis -1 (got 5)  [shape]
print(logits.shape)
