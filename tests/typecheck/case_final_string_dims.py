"""``Final`` int constants named inside a dim written as a string (``"2*D"``, ``"D//H"``):
each is its size, as the run time reads it from the module (they were `unknown name`
`[shape-annotation]` errors on programs that run). A ``Final[int]`` known only at run time is
an unknown size there."""

import os
from typing import Final, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D: Final = 4
H: Final = 2
W: Final[int] = int(os.environ.get("TYPEDFLUX_CASE_WIDTH", "3"))


@tf.shapecheck
def doubled(x: Tensor[B, D]) -> Tensor[B, "2*D"]:
    return tf.concat([x, x], axis=-1)


@tf.shapecheck
def heads(x: Tensor[B, D]) -> Tensor[B, H, "D//H"]:
    return x.reshape(x.shape[0], H, D // H)


@tf.shapecheck
def wide(x: Tensor[B, "W+1"]) -> Tensor[B, "W+1"]:
    return x


@tf.shapecheck
def forgot(x: Tensor[B, D]) -> Tensor[B, "2*D"]:
    return x  # E: Return shape Tensor[B, 4] does not match the annotation Tensor[B, 8]: axis 1 is 4, expected 8  [shape]


reveal_type(doubled(tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8]]"
reveal_type(heads(tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2], Literal[2]]"
reveal_type(wide(tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Any]"
forgot(tf.zeros(2, 4))


class Doubler:
    def __call__(self, x: Tensor[B, D]) -> Tensor[B, "2*D"]:
        return tf.concat([x, x], axis=-1)


model = tf.Chain(tf.Dense(3, D), Doubler(), tf.Dense(8, 2))
reveal_type(model(tf.zeros(5, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[2]]"
bad = tf.Chain(tf.Dense(3, D), Doubler(), tf.Dense(4, 2))  # E: Chain layer 3 Dense(4 => 2) expects input Tensor[..., 4], but layer 2 Doubler() produces Tensor[B, 8]; change Dense(4 => 2) to Dense(8 => 2)  [shape]


def unquoted(x: Tensor[B, 2 * D]) -> None: ...  # E: A Tensor dim must be an int, Literal[int], a Final int constant, a TypeVar bound to int, a string expression or int/Any; got a float or an expression mypy keeps no value of (arithmetic outside quotes, an f-string, strings joined by +, an int too large; write arithmetic on sizes in quotes: Tensor[B, "2*D"], D a TypeVar or a Final int constant)  [shape-annotation]
