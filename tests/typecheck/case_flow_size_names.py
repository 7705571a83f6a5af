"""Sizes held in names: ``half = x.shape[1] // 2``, then ``x[:, :half]``.

mypy types ``half`` as ``int``; written inline, ``x[:, :x.shape[1] // 2]`` of ``x: Tensor[B,
"2*N"]`` is ``Tensor[B, N]``. A local bound once, at the top of the function, to a size
expression (``x.shape[i]`` of a parameter the function never changes, int literals, ``+ - *
//``, other such names) is read as its value where it gives a slice bound or a size, so the
name and the inline expression check alike. A name bound twice, or from a parameter that
the function rebinds, stays an unknown ``int`` (silent). The same lines fail at
run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def glu(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    half = x.shape[1] // 2
    return x[:, :half] * tf.sigmoid(x[:, half - 1:])  # E: Cannot broadcast for "mul": x has Tensor[B, N], y has Tensor[B, N + 1]; need equal sizes or 1 at axis -1 (N vs N + 1)  [shape]


def glu_fixed(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    half = x.shape[1] // 2
    return x[:, :half] * tf.sigmoid(x[:, half:])


def split_heads(x: Tensor[B, "4*N"]) -> Tensor[B, 2, N]:
    quarter = x.shape[-1] // 4
    width = 2 * quarter
    return x[:, :width].reshape(x.shape[0], 2, width)  # E: Cannot reshape for "reshape": x has Tensor[B, 2*N], target is (B, 2, 2*N); need equal element counts (2*B*N vs 4*B*N)  [shape]


def split_heads_fixed(x: Tensor[B, "4*N"]) -> Tensor[B, 2, N]:
    quarter = x.shape[-1] // 4
    width = 2 * quarter
    return x[:, :width].reshape(x.shape[0], 2, quarter)


glu(tf.randn(3, 8))
glu_fixed(tf.randn(3, 8))
glu(tf.randn(2, 6))
split_heads(tf.randn(2, 8))
split_heads_fixed(tf.randn(2, 8))



def halves(x: Tensor[4, 10]) -> Tensor[4, 5]:
    cut = x.shape[1] // 2
    return x[:, :cut] + x[:, :cut + 1]  # E: Cannot broadcast for "add": x has Tensor[4, 5], y has Tensor[4, 6]; need equal sizes or 1 at axis -1 (5 vs 6)  [shape]


def halves_fixed(x: Tensor[4, 10]) -> Tensor[4, 5]:
    cut = x.shape[1] // 2
    return x[:, :cut] + x[:, cut:]


halves(tf.randn(4, 10))
halves_fixed(tf.randn(4, 10))


# Not read (an unknown int, silent): a name bound twice; a size of a parameter the function
# rebinds (even to the same shape: what ``x`` holds where ``half`` is read is not followed,
# so the clash below is left to the run time).
def twice(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    half = x.shape[1] // 2
    if x.shape[0] > 2:
        half = x.shape[1] // 2 - 1
    return x[:, :half] * x[:, half:]


def rebound(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    half = x.shape[1] // 2
    x = x * 2
    return x[:, :half] * x[:, half - 1:]
