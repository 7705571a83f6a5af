"""pyright's spelling of sizes (`Literal[...]`): a weight returned where its transpose is
declared."""
from typing import Literal

import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def unembed_weight(w: Tensor[Literal[100], Literal[16]]) -> Tensor[Literal[16], Literal[100]]:
    return w  # BUG  # E: Return shape Tensor[100, 16] does not match the annotation Tensor[16, 100]: axis 0 is 100, expected 16  [shape]


print(unembed_weight(tf.randn(100, 16)).shape)
