"""mypy check-typevar-tuple / pyright typeVarTuple tests translated on Tensor: correct ones."""
from typing import Literal, Any, Callable, Generic, Tuple, TypeVar, Union, overload

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Ts = TypeVarTuple("Ts")
Shape = TypeVarTuple("Shape")
T = TypeVar("T", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


def identity(x: Tensor[*Shape]) -> Tensor[*Shape]:
    return x


def identity_u(x: Tensor[Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    return x


def add_batch(x: Tensor[*Shape]) -> Tensor[1, *Shape]:
    return x.reshape(1, *x.shape)


def del_batch(x: Tensor[N, *Shape]) -> Tensor[*Shape]:
    return x[0]


def last(x: Tensor[*Shape, N]) -> Tensor[N]:
    return x.reshape(-1, x.shape[-1])[0]


def swap_ends(x: Tensor[N, *Shape, M]) -> Tensor[M, *Shape, N]:
    return x.swapaxes(0, -1)


def shape_of(x: Tensor[*Shape]) -> Tuple[*Shape]:
    return x.shape


def call_with(f: Callable[[Tensor[*Shape]], Tensor[*Shape]], x: Tensor[*Shape]) -> Tensor[*Shape]:
    return f(x)


@overload
def squeeze0(x: Tensor[1, N]) -> Tensor[N]: ...
@overload
def squeeze0(x: Tensor[1, N, M]) -> Tensor[N, M]: ...
def squeeze0(x: Any) -> Any:
    return x[0]


def mixed(x: Tensor[N, *Shape], y: Tensor[N, *Shape]) -> Tensor[N, *Shape]:
    return x + y


def prefix(x: Tensor[*Shape]) -> Tensor[2, *Shape]:
    return tf.stack([x, x], axis=0)


a = identity(tf.zeros(2, 3))
b: Tensor[2, 3] = identity_u(a)
c: Tensor[1, 2, 3] = add_batch(b)
d: Tensor[2, 3] = del_batch(c)
e: Tensor[3] = last(tf.zeros(4, 5, 3))
f: Tensor[3, 5, 4] = swap_ends(tf.zeros(4, 5, 3))
h, w = shape_of(tf.zeros(4, 5))
g: Tensor[2, 3] = call_with(identity, d)
s1: Tensor[4] = squeeze0(tf.zeros(1, 4))
s2: Tensor[4, 5] = squeeze0(tf.zeros(1, 4, 5))
mm: Tensor[2, 3, 4] = mixed(tf.zeros(2, 3, 4), tf.zeros(2, 3, 4))
pp: Tensor[2, 7, 8] = prefix(tf.zeros(7, 8))
sc: Tensor[2] = prefix(tf.zeros(()))
print(a.shape, e.shape, f.shape, h + w, g.shape, s2.shape, pp.shape, sc.shape)
