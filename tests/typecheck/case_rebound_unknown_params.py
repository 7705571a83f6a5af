# mypy: allow-redefinition
"""A shaped parameter rebound to a value of unknown shape, then fed on (allow_redefinition,
the README's configuration): zoo code's `x = add_positions(x)` with an unannotated helper
(mypy types its result `Any`), or `x = body(x)` of a bare `Chain`. All of it runs, and the
checker stays silent: a variadic signature (a layer's `__call__`, a user function over
`Tensor[*S, 32]`) called there made mypy infer its run from the name's union type and crash
(callbacks/union_contexts.py), and mypy's own narrowing of that union gave a
`Tensor[*tuple[Never, ...]]` that no annotation takes (bare_values.never_meet).
"""

from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack, reveal_type

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVarTuple("S")
proj = Dense(48, 48)


def add_positions(x):  # unannotated: mypy types its result Any
    return x + tf.zeros(x.shape[1], x.shape[2])


def keep_last(x: Tensor[Unpack[S], 32]) -> Tensor[Unpack[S], 32]:
    return x * 2


class Encoder:
    def __init__(self) -> None:
        self.norm = LayerNorm(32)
        self.ff = Dense(32, 32)

    def __call__(self, x: Tensor[B, T, 32]) -> Tensor[B, T, 32]:
        x = add_positions(x)
        x = self.norm(x)
        return self.ff(x)


def helper_then_function(x: Tensor[B, T, 32]) -> Tensor[B, T, 32]:
    x = add_positions(x)
    x = keep_last(x)
    return x


def bare_then_layer(x: Tensor[B, 48], body: Chain) -> Tensor[B, 48]:
    x = body(x)
    x = proj(x)
    reveal_type(x)  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[48]] | typedflux.tensor.Tensor[*tuple[Never, ...]] | typedflux.tensor.Tensor[*tuple[Any, ...], Literal[48]]"
    return x


print(Encoder()(tf.randn(2, 5, 32)).shape, helper_then_function(tf.randn(2, 5, 32)).shape)
print(bare_then_layer(tf.randn(2, 48), Chain(Dense(48, 48, relu))).shape)
Dense(48, 2)(bare_then_layer(tf.randn(2, 48), Chain(Dense(48, 48, relu))))
Dense(32, 2)(bare_then_layer(tf.randn(2, 48), Chain(Dense(48, 48, relu))))  # E: Dense(32 => 2) expects input Tensor[..., 32], got Tensor[2, 48]; need size 32 at axis -1 (got 48)  [shape]
