"""Passing cases in the style of jaxtyping's and torchtyping's tests, with @tf.shapecheck."""
import dataclasses
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Tuple, TypeVar, Union

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def matmul(x: Tensor[N, C], y: Tensor[C, M]) -> Tensor[N, M]:
    return x @ y


@tf.shapecheck
def same_batch(x: Tensor[B, 3], y: Tensor[B, 4]) -> Tensor[B, 7]:
    return tf.concat([x, y], axis=1)


@tf.shapecheck
def plus_one(x: Tensor[N]) -> Tensor["N+1"]:
    return tf.concat([x, tf.zeros(1)])


@tf.shapecheck
def flatten_batch(x: Tensor[*Bs, C]) -> Tensor[int, C]:
    return x.reshape(-1, x.shape[-1])


@tf.shapecheck
def optional_arg(x: Tensor[B, C], mask: Optional[Tensor[B, C]] = None) -> Tensor[B, C]:
    return x if mask is None else x * mask


@tf.shapecheck
def union_arg(x: Union[Tensor[B, 2], Tensor[B, 3]]) -> Tensor[B]:
    return x.sum(axis=1)


@tf.shapecheck
def gen(x: Tensor[N, C]) -> Iterator[Tensor[C]]:
    for i in range(x.shape[0]):
        yield x[i]


@dataclasses.dataclass
class Batch:
    images: Tensor[int, 3, 8, 8]
    labels: Tensor[int]


class Pair(NamedTuple):
    a: Tensor[int, 4]
    b: Tensor[int, 4]


class Model:
    def __init__(self) -> None:
        self.fc = Dense(4, 2)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 2]:
        return self.fc(x)

    @staticmethod
    @tf.shapecheck
    def norm(x: Tensor[B, C]) -> Tensor[B, C]:
        return x / (x * x).sum(axis=1, keepdims=True).sqrt()

    @classmethod
    def build(cls) -> "Model":
        return cls()


@tf.shapecheck
def kwargs_only(*, x: Tensor[B, 4], y: Tensor[B, 4]) -> Tensor[B, 4]:
    return x + y


@tf.shapecheck
def scalar_return(x: Tensor[N]) -> Tensor[()]:
    return x.sum()


@tf.shapecheck
def nested_tuple(x: Tensor[N, 2]) -> Tuple[Tensor[N], Tuple[Tensor[N], int]]:
    return x[:, 0], (x[:, 1], 3)


@tf.shapecheck
def dict_of(xs: Dict[str, Tensor[N, 2]]) -> Tensor[N, 2]:
    return xs["a"] + xs["b"]


@tf.shapecheck
def list_of(xs: List[Tensor[N, 2]]) -> Tensor[int, N, 2]:
    return tf.stack(xs)


@tf.shapecheck
def any_dim(x: Tensor[Any, 3]) -> Tensor[Any, 3]:
    return x


print(matmul(tf.randn(2, 3), tf.randn(3, 5)).shape, same_batch(tf.randn(2, 3), tf.randn(2, 4)).shape)
print(plus_one(tf.randn(4)).shape, flatten_batch(tf.randn(2, 3, 5)).shape)
print(optional_arg(tf.randn(2, 3)).shape, optional_arg(tf.randn(2, 3), tf.ones(2, 3)).shape)
print(union_arg(tf.randn(2, 2)).shape, union_arg(tf.randn(2, 3)).shape, [t.shape for t in gen(tf.randn(2, 3))])
bt = Batch(tf.randn(2, 3, 8, 8), tf.zeros(2, dtype=tf.int64))
p = Pair(tf.randn(3, 4), tf.randn(3, 4))
m = Model.build()
print(m(p.a).shape, Model.norm(p.b).shape, kwargs_only(x=p.a, y=p.b).shape, scalar_return(tf.ones(3)).item())
print(nested_tuple(tf.randn(3, 2))[1][0].shape, dict_of({"a": tf.ones(2, 2), "b": tf.ones(2, 2)}).shape)
print(list_of([tf.ones(2, 2), tf.ones(2, 2)]).shape, any_dim(tf.ones(7, 3)).shape, bt.images.shape)
