"""tsanley's shape annotations on local variables, translated to annotated assignments: the
heads were moved back next to the time axis but not merged into the model width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
NH: Final = 4
HD: Final = 8


def merge_heads(heads: Tensor[B, NH, T, HD]) -> Tensor[B, T, 32]:
    out: Tensor[B, T, 32] = tf.rearrange(heads, "b h t d -> b t h d")  # BUG  # E: Assigned shape Tensor[B, T, 4, 8] does not match the annotation Tensor[B, T, 32] of "out": rank is 4, expected 3  [shape]
    return out


print(merge_heads(tf.randn(2, 4, 5, 8)).shape)
