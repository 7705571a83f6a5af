"""jaxtyping's `Float[Array, "*batch 3"]` for 3-vectors (a cross product), translated: the
second operand has 4 components."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def cross(a: Tensor[Unpack[Bs], 3], b: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs], 3]:
    a1, a2, a3 = a[..., 0], a[..., 1], a[..., 2]
    b1, b2, b3 = b[..., 0], b[..., 1], b[..., 2]
    return tf.stack([a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1], axis=-1)


print(cross(tf.randn(5, 3), tf.randn(5, 4)).shape)  # BUG  # E: Argument "b" of "cross" has shape Tensor[5, 4], which does not match the annotation Tensor[*Bs, 3]: axis -1 is 4, expected 3  [shape]  # N: *Bs=(5)
