"""A layer that takes several tensors as the connection of a Parallel or SkipConnection.

Flux's idiom ``Parallel(Bilinear(8, 6, 3), Dense(4, 8), Dense(4, 6))`` joins the branches'
outputs by the layer's own call rule (``Bilinear``: x and y; ``MultiHeadAttention``: q, k, v),
so a container that cannot join for any input is an error where it is built, in the layer's
own words, and a call of one that can has the layer's output shape; concrete and symbolic,
each fix clean. The run time raises the same words where the same line runs.
"""

from typing import TypeVar

from typedflux import Tensor

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Bilinear, Chain, Dense, MultiHeadAttention, Parallel, SkipConnection, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

x = tf.zeros(2, 4)

# -- concrete: built, and called -------------------------------------------------------------------
pair = Parallel(Bilinear(8, 6, 3), Dense(4, 8), Dense(4, 5))  # E: Parallel(Bilinear((8, 6) => 3), Dense(4 => 8), Dense(4 => 5)) cannot join its branches: Bilinear((8, 6) => 3) expects inputs Tensor[..., 8] and Tensor[..., 6], got Tensor[B, 8] and Tensor[B, 5]; need size 6 at axis -1 of y (got 5)  [shape]
pair_fixed = Parallel(Bilinear(8, 6, 3), Dense(4, 8), Dense(4, 6))
reveal_type(pair_fixed(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]]"
gated = SkipConnection(Dense(4, 6), Bilinear(6, 5, 4))  # E: SkipConnection(Dense(4 => 6), Bilinear((6, 5) => 4)) cannot join its input and its layer's output: Bilinear((6, 5) => 4) expects inputs Tensor[..., 6] and Tensor[..., 5], got Tensor[B, 6] and Tensor[B, 4]; need size 5 at axis -1 of y (got 4)  [shape]
gated_fixed = SkipConnection(Dense(4, 6), Bilinear(6, 4, 4))
reveal_type(gated_fixed(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4]]"
deep = Chain(Dense(4, 8), Parallel(Bilinear(8, 8, 2), Dense(8, 8), Dense(8, 8)), Dense(2, 3))
reveal_type(deep(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]]"
deep_bad = Chain(Dense(4, 8), Parallel(Bilinear(8, 8, 2), Dense(8, 8), Dense(8, 8)), Dense(3, 3))  # E: Chain layer 3 Dense(3 => 3) expects input Tensor[..., 3], but layer 2 Parallel(Bilinear(8 => 2), Dense(8 => 8), Dense(8 => 8)) produces Tensor[B, 2]; change Dense(3 => 3) to Dense(2 => 3)  [shape]
by_input = Parallel(Bilinear(8, 6, 3), Dense(6, 8), relu)
reveal_type(by_input(tf.zeros(2, 6)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]]"
by_input(tf.zeros(2, 4))  # E: Dense(6 => 8) expects input Tensor[..., 6], got Tensor[2, 4]; need size 6 at axis -1 (got 4)  [shape]

# -- a layer that asks for a rank (attention's 3) is not read as a connection: no rule, no error --
attend = Parallel(MultiHeadAttention(8, 2), Dense(4, 8), Dense(4, 8), Dense(4, 8))
attend(tf.zeros(2, 5, 4))


# -- symbolic: inside a generic function ---------------------------------------------------------
def fused(v: Tensor[B, 4], w: Tensor[B, N, 4]) -> Tensor[B, 3]:
    both = Parallel(Bilinear(8, 6, 3), Dense(4, 8), Dense(4, 6))
    both(w)
    return both(v)


def fused_bad(v: Tensor[B, 4]) -> Tensor[B, 3]:
    both = Parallel(Bilinear(8, 4, 3), Dense(4, 8), Dense(4, 4))
    return both(v)


def fused_bad_width(v: Tensor[B, 5]) -> Tensor[B, 3]:
    both = Parallel(Bilinear(5, 4, 3), relu, tf.tanh)
    return both(v)  # E: Bilinear((5, 4) => 3) expects inputs Tensor[..., 5] and Tensor[..., 4], got Tensor[B, 5] and Tensor[B, 5]; need size 4 at axis -1 of y (got 5)  [shape]


fused(tf.zeros(3, 4), tf.zeros(3, 7, 4))
fused_bad(tf.zeros(3, 4))
fused_bad_width(tf.zeros(3, 5))
