"""torchtyping's `TensorType[..., 3]` used for two arguments: the `...` is one set of batch
axes for both. Translated to a shared variadic run; the second argument has another batch."""
from typing import Literal

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def cross3(a: Tensor[Unpack[Bs], Literal[3]], b: Tensor[Unpack[Bs], Literal[3]]) -> Tensor[Unpack[Bs], Literal[3]]:
    ax, ay, az = a[..., 0], a[..., 1], a[..., 2]
    bx, by, bz = b[..., 0], b[..., 1], b[..., 2]
    return tf.stack([ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx], axis=-1)


print(cross3(tf.randn(2, 3), tf.randn(4, 3)).shape)  # BUG  # E: Dim "*Bs" differs for "cross3": argument "a" gives *Bs = (2), argument "b" gives *Bs = (4); need one size for *Bs ((2) vs (4))  [shape]  # N: *Bs=(2)
