"""Sizes kept in plain module-level constants: a name bound once to an int is that size."""
import os

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, relu

LATENT = 20
D_MODEL, N_HEADS = 48, 6
D_FF = 4 * D_MODEL

to_mu = Dense(256, LATENT)
reveal_type(to_mu)  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[256], Literal[20]]"
reveal_type(tf.randn(2, D_MODEL, D_FF))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[48], Literal[192]]"
mu = to_mu(tf.rand(16, 256))
noise = tf.randn(16, 10)
z = mu + noise  # E: Cannot broadcast for "add": x has Tensor[16, 20], y has Tensor[16, 10]; need equal sizes or 1 at axis -1 (20 vs 10)  [shape]
heads = tf.rearrange(tf.randn(2, 5, D_MODEL), "b t (h d) -> b h t d", h=N_HEADS)
reveal_type(heads)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[6], Literal[5], Literal[8]]"


# A power of a positive number is a float (typeshed says Any: a negative base may give complex).
HEAD_DIM = 8
scores = tf.randn(2, 4, 10, 10) * HEAD_DIM**-0.5
reveal_type(scores)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4], Literal[10], Literal[10]]"
masked = scores + tf.tril(tf.ones(16, 16))  # E: Cannot broadcast for "add": x has Tensor[2, 4, 10, 10], y has Tensor[16, 16]; need equal sizes or 1 at axis -2 (10 vs 16)  [shape]


def scaled(x: tf.Tensor[int, int], d: int) -> None:
    reveal_type(x * d**-0.5)  # N: Revealed type is "Any"


# An int to a power known to be >= 0 is an int (a size, when both are known); an int exponent
# of unknown sign is mypy's Any (2 ** -1 is a float).
big: int = 2**40
reveal_type(tf.zeros(2**3, HEAD_DIM**2))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[64]]"


def powers(n: int) -> None:
    reveal_type(2**n)  # N: Revealed type is "Any"
    reveal_type(2**-1)  # N: Revealed type is "float"
    reveal_type(2.0**n)  # N: Revealed type is "float"


def block() -> Chain[Dense[int, int], Dense[int, int]]:
    return Chain(Dense(D_MODEL, D_FF, relu), Dense(D_MODEL, D_MODEL))  # E: Chain layer 2 Dense(48 => 48) expects input Tensor[..., 48], but layer 1 Dense(48 => 192, relu) produces Tensor[B, 192]; change Dense(48 => 48) to Dense(192 => 48)  [shape]


# Bound twice (whichever ran) or rebound through `global`: unknown sizes. A loop variable after
# a loop of known length holds its last value, as at run time.
if os.environ.get("EXAMPLE_SMALL_MODEL") == "1":
    HIDDEN = 32
else:
    HIDDEN = 64
WIDTH = 8


def widen() -> None:
    global WIDTH
    WIDTH = 16


widen()
reveal_type(tf.zeros(HIDDEN, WIDTH))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Any]"
for STEPS in range(3):
    pass
reveal_type(tf.zeros(STEPS))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2]]"


def local_shadow(LATENT: int) -> None:
    reveal_type(tf.zeros(LATENT))  # N: Revealed type is "typedflux.tensor.Tensor[Any]"


local_shadow(3)
block()
# Bound again by an annotated assignment (mypy needs `# type: ignore[no-redef]` there, and
# keeps the first value's literal for reads): unknown, not the first value (it was `Dense(6 =>
# 1)`, a false alarm on the 9 the run binds).
SIZE = 6
SIZE: int = 9  # type: ignore[no-redef]
reveal_type(Dense(SIZE, 1))  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Literal[1]]"
print(Dense(SIZE, 1)(tf.randn(1, 9)).shape)
print(tf.zeros(SIZE).shape)
