"""mypy's own plugin keeps its hooks: ``functools.partial`` of a layer, an enum member's
``.value``, ``dataclasses.replace``. mypy runs the first hook a plugin offers, so the
plugin's catch-all hooks (user calls, attributes returned against an annotation) defer to
mypy's where mypy has one; before, ``partial(Dense, activation=relu)`` was a false
``Need type annotation`` and the partial's call lost its type.
"""

import enum
import functools
from dataclasses import dataclass, replace

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, relu

make = functools.partial(Dense, activation=relu)
reveal_type(make(4, 8))  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[4], Literal[8]]"
model = Chain(make(4, 8), Dense(8, 2))
reveal_type(model(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"


class Width(enum.Enum):
    SMALL = 16
    LARGE = 64


reveal_type(Width.SMALL.value)  # N: Revealed type is "Literal[16]?"


@dataclass
class Config:
    hidden: int = 32


reveal_type(replace(Config(), hidden=64))  # N: Revealed type is "case_mypy_own_hooks.Config"
