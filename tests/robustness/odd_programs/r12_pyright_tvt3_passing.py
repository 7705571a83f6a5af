"""pyright typeVarTuple3 passing cases on Tensor: linearize, prepend, *tuple annotations,
Tensor[()] and Tensor[*tuple[int, ...]], a TypeAlias over *Shape, overloads with *Shape."""
from typing import Any, Literal, Tuple, TypeAlias, TypeVar, TypeVarTuple, overload

import typedflux as tf
from typedflux import Dense, Tensor

Xs = TypeVarTuple("Xs")
N = TypeVar("N", bound=int)


def linearize(value: Tensor[*Xs]) -> Tensor[*Xs]:
    return value.reshape(*value.shape)


def prepend(value: Tensor[*Xs]) -> Tensor[1, *Xs]:
    return value.unsqueeze(0)


def func3(x: Tensor[*Xs]) -> Tensor[*Xs]:
    y: Tensor[*tuple[Any, ...]] = x
    return x


def anyrank(x: Tensor[*tuple[int, ...]]) -> Tensor[*tuple[int, ...]]:
    return x * 2


def lastdim(x: Tensor[*tuple[int, ...], 3]) -> Tensor[*tuple[int, ...], 3]:
    return x + 1


Img: TypeAlias = Tensor[*Xs, 3]


def bright(x: Img[*Xs]) -> Img[*Xs]:
    return x * 1.5


@overload
def flat(x: Tensor[N]) -> Tensor[N]: ...
@overload
def flat(x: Tensor[*Xs]) -> Tensor[int]: ...
def flat(x: Any) -> Any:
    return x.reshape(-1)


s: Tensor[()] = tf.tensor(1.0)
a1 = tf.zeros(3, 4, 5)
print(linearize(a1).shape, prepend(a1).shape, prepend(s).shape, func3(a1).shape)
print(anyrank(a1).shape, lastdim(tf.zeros(2, 3)).shape, bright(tf.zeros(4, 4, 3)).shape)
print(Dense(3, 1)(bright(tf.zeros(4, 4, 3))).shape, flat(tf.zeros(5)).shape, flat(a1).shape)
print(Dense(5, 1)(linearize(a1)).shape, (prepend(a1) + tf.zeros(1, 3, 4, 5)).shape)
