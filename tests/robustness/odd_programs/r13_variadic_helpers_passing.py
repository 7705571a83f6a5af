"""More translated variadic tests on Tensor (mypy check-typevar-tuple, pyright typeVarTuple*)."""
from typing import Callable, Generic, Literal, NewType, Tuple, TypeVar, Union

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

Ts = TypeVarTuple("Ts")
Shape = TypeVarTuple("Shape")
N = TypeVar("N", bound=int)
DType = TypeVar("DType")


def args_to_tuple(*args: *Ts) -> Tuple[*Ts]:
    return args


def apply(f: Callable[[*Ts], Tensor], *args: *Ts) -> Tensor:
    return f(*args)


def two(a: Tensor[N, 4], b: Tensor[N, 4]) -> Tensor:
    return a + b


def ones_like(x: Tensor[*Shape]) -> Tensor[*Shape]:
    return tf.ones(*x.shape)


def zeros_like(x: Tensor[*Shape]) -> Tensor[*Shape]:
    return x * 0.0


def flatten_tail(x: Tensor[N, *Shape]) -> Tensor[N, int]:
    return x.reshape(x.shape[0], -1)


def stack_pair(a: Tensor[*Shape], b: Tensor[*Shape]) -> Tensor[2, *Shape]:
    return tf.stack([a, b])


def maybe_batch(x: Union[Tensor[N, 8], Tensor[8]]) -> Tensor[int, 8]:
    return x.reshape(-1, 8)


def linear(x: Tensor[*Shape, 8]) -> Tensor[*Shape, 4]:
    return Dense(8, 4)(x)


def linear2(x: Tensor[N, *Shape, 8]) -> Tensor[N, *Shape, 4]:
    return Dense(8, 4)(x)


def nested(x: Tensor[*Shape]) -> Tensor[*Shape]:
    return zeros_like(ones_like(x))


t = args_to_tuple(tf.zeros(2), 1, "a")
r = apply(two, tf.zeros(3, 4), tf.zeros(3, 4))
o: Tensor[2, 5] = ones_like(tf.zeros(2, 5))
z: Tensor[2, 5] = zeros_like(o)
fl: Tensor[2, 60] = flatten_tail(tf.zeros(2, 3, 4, 5))
sp: Tensor[2, 3, 4] = stack_pair(tf.zeros(3, 4), tf.zeros(3, 4))
mb = maybe_batch(tf.zeros(8))
mb2 = maybe_batch(tf.zeros(5, 8))
l1: Tensor[2, 3, 4] = linear(tf.zeros(2, 3, 8))
l0: Tensor[4] = linear(tf.zeros(8))
l2: Tensor[2, 4] = linear2(tf.zeros(2, 8))
l3: Tensor[2, 5, 6, 4] = linear2(tf.zeros(2, 5, 6, 8))
ns: Tensor[7] = nested(tf.zeros(7))
print(len(t), r.shape, z.shape, fl.shape, sp.shape, mb.shape, mb2.shape, l0.shape, l3.shape, ns.shape)
