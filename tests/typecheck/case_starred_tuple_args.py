"""A fixed tuple passed as ``*args`` (``f(*pair)``, ``f(x, *(y,))``): mypy gives its items to
consecutive positional parameters, in order, so each item is checked against its parameter
and named after it, in the run time's words (it was mypy's ``[arg-type]`` on the whole tuple,
in ``Literal`` words, naming argument 1 where ``y`` was wrong). A tuple spread over a
``*xs`` parameter, or one of unknown length, is left as before. Concrete and symbolic, each
with a version that is clean."""

from typing import Tuple, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def mix(x: Tensor[B, 4], y: Tensor[B, 4]) -> Tensor[B, 4]:
    return x + y


pair = (tf.zeros(2, 4), tf.zeros(2, 5))
mix(*pair)  # E: Argument "y" of "mix" has shape Tensor[2, 5], which does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]  # N: B=2
mix(tf.zeros(2, 4), *(tf.zeros(2, 7),))  # E: Argument "y" of "mix" has shape Tensor[2, 7], which does not match the annotation Tensor[B, 4]: axis 1 is 7, expected 4  [shape]  # N: B=2
reveal_type(mix(*(tf.zeros(3, 4), tf.zeros(3, 4))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"


def spread(xy: Tuple[Tensor[B, 4], Tensor[B, 8]]) -> None:
    mix(*xy)  # E: Argument "y" of "mix" has shape Tensor[B, 8], which does not match the annotation Tensor[B, 4]: axis 1 is 8, expected 4  [shape]  # N: B=B


def spread_fixed(xy: Tuple[Tensor[B, 4], Tensor[B, 4]]) -> Tensor[B, 4]:
    return mix(*xy)


spread((tf.zeros(3, 4), tf.zeros(3, 8)))
assert spread_fixed((tf.zeros(3, 4), tf.zeros(3, 4))).shape == (3, 4)
