"""A model's outputs in a NamedTuple generic over the batch dim (`class Out(NamedTuple,
Generic[B])`), built in a generic function that returns `Out[B]`: the constructor's `B` is the
function's (it was left as the class's own, `got "Out[B@Out]", expected "Out[B@f]"`
[return-value], on a program that runs), as it is for a generic dataclass or class, and the
fields read back carry the call's sizes.
"""

from dataclasses import dataclass
from typing import Generic, Literal, NamedTuple, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
head = Dense(8, 10)


class Out(NamedTuple, Generic[B]):
    logits: Tensor[B, Literal[10]]


@dataclass
class DOut(Generic[B]):
    logits: Tensor[B, Literal[10]]


def f(x: Tensor[B, Literal[8]]) -> Out[B]:
    return Out(head(x))


def g(x: Tensor[B, Literal[8]]) -> DOut[B]:
    return DOut(head(x))


@tf.shapecheck
def narrowed(x: Tensor[B, Literal[8]]) -> Tensor[B, Literal[5]]:
    return f(x).logits  # E: Return shape Tensor[B, 10] does not match the annotation Tensor[B, 5]: axis 1 is 10, expected 5  [shape]


x = tf.randn(3, 8)
reveal_type(f(x))  # N: Revealed type is "tuple[typedflux.tensor.Tensor[Literal[3], Literal[10]], fallback=case_generic_namedtuple_outputs.Out[Literal[3]]]"
reveal_type(Out(head(x)))  # N: Revealed type is "tuple[typedflux.tensor.Tensor[Literal[3], Literal[10]], fallback=case_generic_namedtuple_outputs.Out[Literal[3]]]"
Dense(10, 1)(f(x).logits)
Dense(10, 1)(g(x).logits)
Dense(5, 1)(f(x).logits)  # E: Dense(5 => 1) expects input Tensor[..., 5], got Tensor[3, 10]; need size 5 at axis -1 (got 10)  [shape]
narrowed(x)
