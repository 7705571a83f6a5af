"""What the plugin infers: creation keeps literal dims; unknown sizes stay gradual."""

from typing import Any, List, Literal, Optional, TypeVar, cast

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

reveal_type(tf.zeros(32, 784))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[784]]"
reveal_type(tf.ones(16 * 5 * 5, 120))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[400], Literal[120]]"
reveal_type(tf.randn(2, 3, 4))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[4]]"
reveal_type(tf.full(2, 3, value=1.0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]]"
reveal_type(tf.arange(10))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[10]]"
reveal_type(tf.arange(2, 10, 2))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4]]"


def sizes(n: int) -> None:
    reveal_type(tf.randn(n, 784))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[784]]"
    reveal_type(tf.zeros(n, 784) + tf.zeros(784))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[784]]"


def annotations(
    a: Tensor[B, 784],
    b: Tensor[B, Literal[784]],
    c: Tensor[()],
    d: Tensor[int, 10],
    e: Tensor[Any, 10],
    f: Tensor,
) -> None:
    reveal_type(a)  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[784]]"
    reveal_type(b)  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[784]]"
    reveal_type(c)  # N: Revealed type is "typedflux.tensor.Tensor[()]"
    reveal_type(d)  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[10]]"
    reveal_type(e)  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[10]]"
    reveal_type(f)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
    reveal_type(a.shape)  # N: Revealed type is "tuple[B, Literal[784]]"
    reveal_type(a.shape[0])  # N: Revealed type is "B"
    reveal_type(a.sum())  # N: Revealed type is "typedflux.tensor.Tensor[()]"
    reveal_type(a.T)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[784], B]"
    reveal_type(f + 1)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


class Vec3(Tensor[B, Literal[3]]):
    """A user subclass: its dims are the ones it passes up to Tensor."""


def subclass(v: Vec3[Literal[5]]) -> None:
    reveal_type(v @ tf.zeros(3, 2))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[2]]"
    reveal_type(v.T)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[5]]"


# In a type alias (a runtime expression) mypy requires Literal[...] for int dims.
Image = Tensor[B, Literal[28], Literal[28]]
Flat = Tensor[Literal[32], Literal[784]]


def aliases(x: Image[B], flat: Flat) -> Tensor[B, 784]:
    reveal_type(x)  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[28], Literal[28]]"
    reveal_type(flat)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[784]]"
    return x.reshape(x.shape[0], 784)


reveal_type(aliases(tf.zeros(4, 28, 28), tf.zeros(32, 784)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[784]]"
reveal_type(cast(Tensor[3, 4], tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
maybe: Optional[Tensor[2, 3]] = None
several: List[Tensor[3, 4]] = [tf.zeros(3, 4)]
reveal_type(several[0] @ tf.zeros(4, 2))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"


class Holder:
    weight: Tensor[10, 784]

    def __init__(self) -> None:
        self.weight = tf.zeros(10, 784)

    def forward(self, x: Tensor[B, 784]) -> Tensor[B, 10]:
        return x @ self.weight.T


reveal_type(Holder().forward(tf.zeros(2, 784)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[10]]"


reveal_type(tf.tensor([[1.0, 2.0]]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[2]]"
reveal_type(tf.tensor(0.5))  # N: Revealed type is "typedflux.tensor.Tensor[()]"
reveal_type(tf.tensor([[1, 2], [3, 4], [5, -6]]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
data = [[1.0, 2.0]]  # bound once, read only by typedflux: its shape is known
reveal_type(tf.tensor(data))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[2]]"
rows = [[1.0, 2.0]]
rows.append([3.0, 4.0])  # appended to: lists nested around numbers, rank 2, sizes unknown
reveal_type(tf.tensor(rows))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Any]"
row_times_matrix = tf.tensor([[1.0, 2.0]]) @ tf.zeros(3, 4)  # E: Inner dimensions differ for "matmul": x has Tensor[1, 2], w has Tensor[3, 4]; need x.shape[-1] == w.shape[-2] (2 vs 3)  [shape]
