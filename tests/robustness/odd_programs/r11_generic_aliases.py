"""Generic aliases in the style of DeepMind's tensor_annotations and jaxtyping's aliases."""
from typing import Literal, Tuple, TypeVar

from typing_extensions import TypeAlias, TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

A = TypeVar("A", bound=int)
Bt = TypeVar("Bt", bound=int)
Ti = TypeVar("Ti", bound=int)
Bs = TypeVarTuple("Bs")

Matrix = Tensor[A, Bt]
Seq = Tensor[Bt, Ti, Literal[16]]
Batched = Tensor[Unpack[Bs], Literal[16]]
Image: TypeAlias = Tensor[Bt, Literal[3], Literal[8], Literal[8]]
Scalar = Tensor[()]


def transpose(x: Matrix[A, Bt]) -> Matrix[Bt, A]:
    return x.T


def mean_time(x: Seq[Bt, Ti]) -> Tensor[Bt, Literal[16]]:
    return x.mean(axis=1)


def proj(x: Batched[Unpack[Bs]]) -> Tensor[Unpack[Bs], Literal[4]]:
    return Dense(16, 4)(x)


def pix(x: Image[Bt]) -> Tensor[Bt, Literal[192]]:
    return x.reshape(x.shape[0], -1)


def total(x: Matrix[A, Bt]) -> Scalar:
    return x.sum()


def both(x: Seq[Bt, Ti]) -> Tuple[Seq[Bt, Ti], Tensor[Bt, Ti]]:
    return x, x.sum(axis=-1)


m = tf.randn(2, 5)
print(transpose(m).shape, mean_time(tf.randn(2, 7, 16)).shape, proj(tf.randn(3, 2, 16)).shape)
print(pix(tf.randn(2, 3, 8, 8)).shape, total(m).shape, both(tf.randn(2, 3, 16))[1].shape)
