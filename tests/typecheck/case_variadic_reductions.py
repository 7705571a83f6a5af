"""A reduction over an axis inside a variadic run (``x.mean(axis=1)`` of ``Tensor[B, *Rs, C]``,
``x.sum(axis=0)`` of ``Tensor[*Bs, N]``): the result is the run less its first (or last)
item, ``*Rs[1:]``, for every run long enough to hold the axis. No type says that, so the
value's type stays unknown, but where it is returned, assigned or yielded against an
annotation the checker compares what it knows: its rank is ``len(*Rs) + k - 1`` whatever the
run's length, and at the annotation's rank the sizes where the annotation's run sits differ
from the run's for every such length. A note names the lengths (an empty run puts the axis
on a dim after it). The run time says the same words with sizes. Fixed versions (the axis
off the run) are clean; a dim nothing is known of is never a mismatch.
"""

from typing import Iterator, TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
N = TypeVar("N", bound=int)
Rs = TypeVarTuple("Rs")
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def pool(x: Tensor[B, Unpack[Rs], C]) -> Tensor[B, C]:
    return x.mean(axis=1)  # E: Return shape Tensor[B, *Rs[1:], C] does not match the annotation Tensor[B, C]: rank is len(*Rs) + 1, expected 2  [shape]  # N: for every *Rs of at least 1 item, which holds axis 1


@tf.shapecheck
def pool_fixed(x: Tensor[B, Unpack[Rs], C]) -> Tensor[B, C]:
    return x.reshape(x.shape[0], -1, x.shape[-1]).mean(axis=1)


@tf.shapecheck
def sq_norm(x: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs]]:
    return (x * x).sum(axis=0)  # E: Return shape Tensor[*Bs[1:], N] does not match the annotation Tensor[*Bs]: *Bs is (*Bs[1:], N), expected (*Bs)  [shape]  # N: for every *Bs of at least 1 item, which holds axis 0


@tf.shapecheck
def sq_norm_fixed(x: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs]]:
    return (x * x).sum(axis=-1)


@tf.shapecheck
def norm3(v: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs]]:
    return tf.sqrt((v * v).sum(axis=0)) * 2.0  # E: Return shape Tensor[*Bs[1:], 3] does not match the annotation Tensor[*Bs]: *Bs is (*Bs[1:], 3), expected (*Bs)  [shape]  # N: for every *Bs of at least 1 item, which holds axis 0


@tf.shapecheck
def norm3_fixed(v: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs]]:
    return tf.sqrt((v * v).sum(axis=-1)) * 2.0


@tf.shapecheck
def peak(x: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs]]:
    return x.max(axis=-2)  # E: Return shape Tensor[*Bs[:-1], N] does not match the annotation Tensor[*Bs]: *Bs is (*Bs[:-1], N), expected (*Bs)  [shape]  # N: for every *Bs of at least 1 item, which holds axis -2


@tf.shapecheck
def keep(x: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs], N]:
    return x.sum(axis=0)  # E: Return shape Tensor[*Bs[1:], N] does not match the annotation Tensor[*Bs, N]: rank is len(*Bs), expected len(*Bs) + 1  [shape]  # N: for every *Bs of at least 1 item, which holds axis 0


@tf.shapecheck
def rows(x: Tensor[Unpack[Bs], 3]) -> Iterator[Tensor[Unpack[Bs]]]:
    yield x.sum(axis=0)  # E: Yielded shape Tensor[*Bs[1:], 3] does not match the annotation Tensor[*Bs]: *Bs is (*Bs[1:], 3), expected (*Bs)  [shape]  # N: for every *Bs of at least 1 item, which holds axis 0


def assigned(x: Tensor[Unpack[Bs], N]) -> None:
    y: Tensor[Unpack[Bs]] = x.sum(axis=0)  # E: Assigned shape Tensor[*Bs[1:], N] does not match the annotation Tensor[*Bs] of "y": *Bs is (*Bs[1:], N), expected (*Bs)  [shape]  # N: for every *Bs of at least 1 item, which holds axis 0
    z: Tensor[Unpack[Bs]] = x.sum(axis=-1)


def scaled(x: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs]]:
    return 2.0 * x.sum(axis=0)  # a number's operator first: mypy's own filter, nothing said here


def unknown_last(x: Tensor[Unpack[Bs], int]) -> Tensor[Unpack[Bs]]:
    return x.sum(axis=0)  # the last dim may be the run's last item: nothing is proven


def middle(x: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs]]:
    return x.sum(axis=1)  # an item inside the run: no words for what is left


pool(tf.randn(2, 5, 6, 3))
pool_fixed(tf.randn(2, 5, 6, 3))
sq_norm(tf.randn(2, 3, 4))
sq_norm_fixed(tf.randn(2, 3, 4))
norm3(tf.randn(4, 6, 3))
norm3_fixed(tf.randn(4, 6, 3))
peak(tf.randn(2, 5, 4))
keep(tf.randn(2, 3, 4))
list(rows(tf.randn(4, 6, 3)))
