"""@tf.shapecheck on correct programs in the forms people write."""
from typing import Dict, Generic, Iterator, List, Optional, Tuple, TypeVar, Union

from typing_extensions import TypeVarTuple

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)
Bs = TypeVarTuple("Bs")


class Lin(Generic[I, O]):
    def __init__(self, w: Tensor[O, I]) -> None:
        self.w = w

    @tf.shapecheck
    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.w.T


@tf.shapecheck
def rec(x: Tensor[N], depth: int) -> Tensor[N]:
    if depth == 0:
        return x
    y = rec(tf.cat(x, x), depth - 1)
    return y[: x.shape[0]]


@tf.shapecheck
def pair(p: Tuple[Tensor[N, D], Tensor[N, D]]) -> Tensor[N, D]:
    return p[0] + p[1]


@tf.shapecheck
def many(xs: List[Tensor[N, D]]) -> Tensor[N, D]:
    return tf.stack(xs).sum(axis=0)


@tf.shapecheck
def named(d: Dict[str, Tensor[N]]) -> Tensor[N]:
    return sum(d.values(), tf.zeros(len(next(iter(d.values())))))


@tf.shapecheck
def opt(x: Tensor[N, D], mask: Optional[Tensor[N, D]] = None, *, scale: float = 1.0) -> Tensor[N, D]:
    return x * scale if mask is None else x * mask * scale


@tf.shapecheck
def varargs(*xs: Tensor[N]) -> Tensor[N]:
    out = xs[0]
    for x in xs[1:]:
        out = out + x
    return out


@tf.shapecheck
def kw(**xs: Tensor[N]) -> Tensor[N]:
    return xs["a"] + xs["b"]


@tf.shapecheck
def gen(x: Tensor[N, D]) -> Iterator[Tensor[D]]:
    for row in x:
        yield row


@tf.shapecheck
def maybe_ret(x: Tensor[N], flag: bool) -> Optional[Tensor[N]]:
    return x if flag else None


@tf.shapecheck
def run(x: Tensor[*Bs, D]) -> Tensor[*Bs]:
    return x.sum(axis=-1)


@tf.shapecheck
def outer(x: Tensor[N, D]) -> Tensor[N, D]:
    @tf.shapecheck
    def inner(y: Tensor[N, D]) -> Tensor[N, D]:
        return y * 2
    return inner(x)


@tf.shapecheck
def two_calls(x: Tensor[N]) -> Tensor[N]:
    return x


lin = Lin(tf.randn(4, 3))
print(lin(tf.randn(5, 3)).shape, lin(tf.randn(2, 3)).shape)
print(rec(tf.randn(3), 3).shape, pair((tf.zeros(2, 3), tf.zeros(2, 3))).shape)
print(many([tf.zeros(2, 3)] * 3).shape, named({"a": tf.zeros(4), "b": tf.ones(4)}).shape)
print(opt(tf.zeros(2, 3)).shape, opt(tf.zeros(2, 3), tf.ones(2, 3), scale=2.0).shape)
print(varargs(tf.zeros(3), tf.zeros(3), tf.zeros(3)).shape, kw(a=tf.zeros(2), b=tf.zeros(2)).shape)
print([r.shape for r in gen(tf.zeros(2, 3))])
print(maybe_ret(tf.zeros(3), False), run(tf.zeros(2, 3, 4)).shape, run(tf.zeros(4)).shape)
print(outer(tf.zeros(2, 3)).shape, two_calls(tf.zeros(3)).shape, two_calls(tf.zeros(5)).shape)
