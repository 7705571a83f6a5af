"""A plain ``int`` size (``len(ids[0])``, an ``int`` parameter) given for a dim parameter of a
user function (``def table(n: T) -> Tensor[T, 16]``) where the call's context or another
argument fixes ``T``: an unknown size is never a mismatch, and each call runs. mypy solved
``T`` from the context (``return table(n)`` in a function returning ``Tensor[T, 16]``) or
from the other argument first, then refused the ``int``: `Argument 1 to "table" has
incompatible type "int"; expected "T"  [arg-type]` (callbacks/int_dims.py)."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Embedding, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

emb = Embedding(100, 16)


def table(n: T) -> Tensor[T, 16]:
    return tf.randn(n, 16)


def pad_to(x: Tensor[T, 4], n: T) -> Tensor[T, 4]:
    return x


def positions(ids: Tensor[B, T]) -> Tensor[T, 16]:
    return table(len(ids[0]))


def positions_named(ids: Tensor[B, T]) -> Tensor[T, 16]:
    n = len(ids[0])
    return table(n)


def embedded(ids: Tensor[B, T]) -> Tensor[B, T, 16]:
    return emb(ids) + table(len(ids[0]))


def padded(ids: Tensor[B, T]) -> Tensor[T, 4]:
    return pad_to(tf.zeros(ids.shape[1], 4), len(ids[0]))


def rows(n: int) -> Tensor[int, 16]:
    return table(n)


ids = tf.tensor([[1, 2, 3, 4, 5]])
words = [1, 2, 3, 4, 5]
assert positions(ids).shape == (5, 16)
assert positions_named(ids).shape == (5, 16)
assert embedded(ids).shape == (1, 5, 16)
assert padded(ids).shape == (5, 4)
assert rows(3).shape == (3, 16)
known: Tensor[5, 16] = table(len(words))
reveal_type(table(len(words)))  # N: Revealed type is "typedflux.tensor.Tensor[int, Literal[16]]"
reveal_type(pad_to(tf.zeros(5, 4), len(words)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
