"""Gradual typing: unknown dims (int, Any, unannotated) are never an error statically."""

from typing import Any, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def unknown_sizes(x: Tensor[int, int], w: Tensor[Any, 10]) -> None:
    reveal_type(x @ w)  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[10]]"
    reveal_type(x + tf.zeros(7))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[7]]"
    reveal_type(x.reshape(3, 5))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[5]]"


def unannotated(x, w):
    return x @ w


def plain(x: Tensor, w: Tensor) -> Tensor:
    return (x @ w).sum(axis=1)


def data_dependent(n: int, k: int) -> None:
    x = tf.zeros(n, 784)
    reveal_type(x @ tf.zeros(784, k))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Any]"
    reveal_type(x[:, :k])  # N: Revealed type is "typedflux.tensor.Tensor[Any, Any]"
    reveal_type(x.sum(axis=k))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


def from_numpy(data: Any) -> None:
    t = tf.tensor(data)
    reveal_type(t @ tf.zeros(3, 4))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


# A union (a conditional value; with allow_redefinition, a variable a loop rebinds) may hold
# any of its members: one that does not fit proves nothing, so nothing is reported there; the
# run time checks the value.
def conditional(flag: bool) -> None:
    y = tf.zeros(2, 3) if flag else tf.zeros(2, 5)
    reveal_type(y + tf.zeros(2, 3))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]] | typedflux.tensor.Tensor[*tuple[Any, ...]]"
    reveal_type(tf.Dense(3, 4)(y))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4]]"
    tf.Dense(7, 4)(y)  # E: Dense(7 => 4) expects input Tensor[..., 7], got Tensor[2, 3]; need size 7 at axis -1 (got 3)  [shape]
    layer = tf.Dense(3, 8) if flag else tf.Dense(5, 8)
    reveal_type(layer(tf.zeros(2, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8]] | typedflux.tensor.Tensor[*tuple[Any, ...]]"


conditional(True)


# A list of tensors may hold several shapes (skip connections saved on the way down): an item
# of another shape is taken, and what is read back from such a list has an unknown shape.
def skips() -> None:
    saved = []
    saved.append(tf.zeros(2, 8, 16, 16))
    saved.append(tf.zeros(2, 16, 8, 8))
    reveal_type(saved.pop())  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
    same = [tf.zeros(2, 8)]
    same.append(tf.ones(2, 8))
    reveal_type(same[0])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8]]"


skips()
