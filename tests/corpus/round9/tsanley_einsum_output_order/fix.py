"""tsanley's checked einsum result, translated to an annotated assignment: the output
subscripts put time before heads."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


def attend(att: Tensor[B, H, T, T], v: Tensor[B, H, T, D]) -> Tensor[B, H, T, D]:
    ctx: Tensor[B, H, T, D] = tf.einsum("bhts,bhsd->bhtd", att, v)
    return ctx


print(attend(tf.randn(2, 4, 5, 5), tf.randn(2, 4, 5, 8)).shape)
