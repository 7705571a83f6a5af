"""A cache lookup returns an Optional tensor; the computed value has the wrong width."""
from typing import Dict, Optional, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

embed_proj = Dense(16, 32)


@tf.shapecheck
def lookup(key: str, x: Tensor[B, 16], cache: Dict[str, Tensor[B, 32]]) -> Optional[Tensor[B, 32]]:
    if key == "skip":
        return None
    if key in cache:
        return cache[key]
    return embed_proj(x)


print(lookup("a", tf.randn(2, 16), {}))
