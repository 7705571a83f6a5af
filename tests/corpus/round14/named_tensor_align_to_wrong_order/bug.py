"""PyTorch's named-tensor tests (translated): align_to("N", "C", "H", "W") of an NHWC image
gives NCHW; the permutation written for it gave NWCH."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def align_to_nchw(x: Tensor[N, H, W, C]) -> Tensor[N, C, H, W]:
    return x.transpose(0, 2, 3, 1)  # BUG  # E: Return shape Tensor[N, W, C, H] does not match the annotation Tensor[N, C, H, W]: axis 1 is W, expected C  [shape]


print(align_to_nchw(tf.zeros(2, 8, 6, 3)).shape)
