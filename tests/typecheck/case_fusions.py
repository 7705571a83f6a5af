"""Maxout and PairwiseFusion (Flux's fusing containers): a Maxout's output is the common
shape of its layers' outputs, a PairwiseFusion's the tuple of its layers' outputs; layers that
cannot give one shape, or a fused value that cannot feed the next layer, are reported where
built; an input of the wrong width where called. A Chain among their layers counts as its
layers (``*layers: object``: under an ``Any`` context mypy typed it ``Chain[*tuple[Any, ...]]``).
Each with a version that is clean."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

x5 = tf.zeros(11, 5)
m = tf.Maxout(tf.Dense(5, 7, tf.tanh), tf.Dense(5, 7))
reveal_type(m(x5))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[11], Literal[7]]"
made = tf.Maxout(lambda: tf.Dense(5, 7, tf.tanh), 3)
reveal_type(made(x5))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[11], Literal[7]]"
reveal_type(tf.Maxout(tf.relu, tf.tanh)(x5))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[11], Literal[5]]"
outputs = tf.Maxout(tf.Dense(5, 7), tf.Dense(5, 6))  # E: Maxout(Dense(5 => 7), Dense(5 => 6)) cannot compare its layers' outputs: Cannot broadcast for "maximum": x has Tensor[B, 7], y has Tensor[B, 6]; need equal sizes or 1 at axis -1 (7 vs 6)  [shape]
inputs = tf.Maxout(tf.Dense(5, 7), tf.Dense(4, 7))  # E: Maxout(Dense(5 => 7), Dense(4 => 7)) cannot give layer 2 the input the others take: Dense(4 => 7) expects input Tensor[..., 4], got Tensor[B, 5]; need size 4 at axis -1 (got 5)  [shape]
narrow = m(tf.zeros(11, 4))  # E: Dense(5 => 7, tanh) expects input Tensor[..., 5], got Tensor[11, 4]; need size 5 at axis -1 (got 4)  [shape]
in_chain = tf.Chain(tf.Dense(3, 5), m, tf.Dense(7, 2))
reveal_type(in_chain(tf.zeros(4, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[2]]"
chain_bad = tf.Chain(tf.Dense(3, 5), m, tf.Dense(6, 2))  # E: Chain layer 3 Dense(6 => 2) expects input Tensor[..., 6], but layer 2 Maxout(Dense(5 => 7, tanh), Dense(5 => 7)) produces Tensor[B, 7]; change Dense(6 => 2) to Dense(7 => 2)  [shape]

x4 = tf.zeros(3, 4)
pf = tf.PairwiseFusion(tf.add, tf.Dense(4, 4, tf.relu), tf.Dense(4, 4), tf.Dense(4, 2))
reveal_type(pf(x4))  # N: Revealed type is "tuple[typedflux.tensor.Tensor[Literal[3], Literal[4]], typedflux.tensor.Tensor[Literal[3], Literal[4]], typedflux.tensor.Tensor[Literal[3], Literal[2]]]"
y1, y2, y3 = pf(x4, tf.zeros(3, 4), tf.zeros(3, 1))
reveal_type(y3)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
widening = tf.PairwiseFusion(tf.cat, tf.Dense(4, 4), tf.Dense(8, 3), tf.Dense(7, 2))
reveal_type(widening(x4)[2])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
unfused = tf.PairwiseFusion(tf.cat, tf.Dense(4, 4), tf.Dense(4, 2))  # E: PairwiseFusion(cat, Dense(4 => 4), Dense(4 => 2)) cannot fuse into layer 2: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 (got 8)  [shape]
first = pf(tf.zeros(3, 5))  # E: Dense(4 => 4, relu) expects input Tensor[..., 4], got Tensor[3, 5]; need size 4 at axis -1 (got 5)  [shape]
multi_maxout = tf.Maxout(
    tf.Dense(8, 4),
    tf.Dense(8, 4, tf.relu),
    tf.Dense(6, 4),  # E: Maxout(Dense(8 => 4), Dense(8 => 4, relu), Dense(6 => 4)) cannot give layer 3 the input the others take: Dense(6 => 4) expects input Tensor[..., 6], got Tensor[B, 8]; need size 6 at axis -1 (got 8)  [shape]
)
multi_compare = tf.Maxout(
    tf.Dense(8, 4),
    tf.Dense(8, 4, tf.relu),
    tf.Dense(8, 3),  # E: Maxout(Dense(8 => 4), Dense(8 => 4, relu), Dense(8 => 3)) cannot compare its layers' outputs: Cannot broadcast for "maximum": x has Tensor[B, 4], y has Tensor[B, 3]; need equal sizes or 1 at axis -1 (4 vs 3)  [shape]
)
multi_fusion = tf.PairwiseFusion(
    tf.add,
    tf.Dense(4, 4),
    tf.Dense(4, 3),
    tf.Dense(4, 2),  # E: PairwiseFusion(add, Dense(4 => 4), Dense(4 => 3), Dense(4 => 2)) cannot fuse into layer 3: Cannot broadcast for "add": xs[0] has Tensor[B, 3], xs[1] has Tensor[B, 4]; need equal sizes or 1 at axis -1 (3 vs 4)  [shape]
)
second = pf(x4, tf.zeros(3, 5), x4)  # E: PairwiseFusion(add, Dense(4 => 4, relu), Dense(4 => 4), Dense(4 => 2)) cannot fuse into layer 2: Cannot broadcast for "add": xs[0] has Tensor[3, 4], xs[1] has Tensor[3, 5]; need equal sizes or 1 at axis -1 (4 vs 5)  [shape]

chained = tf.Maxout(tf.Chain(tf.Dense(32, 32), tf.relu), tf.Dense(32, 32))
reveal_type(chained(tf.zeros(3, 32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[32]]"
chained_bad = tf.Maxout(tf.Chain(tf.Dense(32, 16), tf.relu), tf.Dense(32, 8))  # E: Maxout(Chain(Dense(32 => 16), relu), Dense(32 => 8)) cannot compare its layers' outputs: Cannot broadcast for "maximum": x has Tensor[B, 16], y has Tensor[B, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]
fused_chain = tf.PairwiseFusion(tf.add, tf.Dense(8, 8), tf.Chain(tf.Dense(8, 8), tf.relu), tf.Dense(8, 8))
reveal_type(fused_chain(tf.zeros(2, 8))[2])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8]]"
fused_chain_bad = tf.PairwiseFusion(tf.add, tf.Dense(8, 8), tf.Chain(tf.Dense(8, 4), tf.relu), tf.Dense(8, 8))  # E: PairwiseFusion(add, Dense(8 => 8), Chain(Dense(8 => 4), relu), Dense(8 => 8)) cannot fuse into layer 3: Cannot broadcast for "add": xs[0] has Tensor[B, 4], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (4 vs 8)  [shape]


def maxout_chained(x: Tensor[B, 32]) -> Tensor[B, 16]:
    return tf.Maxout(tf.Chain(tf.Dense(32, 16), tf.relu), tf.Dense(32, 16))(x)


def maxout(x: Tensor[B, 16]) -> Tensor[B, 8]:
    return tf.Maxout(tf.Dense(16, 8), tf.Dense(16, 8, tf.relu))(x)


def maxout_wrong(x: Tensor[B, 12]) -> None:
    tf.Maxout(tf.Dense(16, 8), tf.Dense(16, 8))(x)  # E: Dense(16 => 8) expects input Tensor[..., 16], got Tensor[B, 12]; need size 16 at axis -1 (got 12)  [shape]


def fusion(x: Tensor[B, 4]) -> Tensor[B, 2]:
    return tf.PairwiseFusion(tf.add, tf.Dense(4, 4), tf.Dense(4, 2))(x)[1]


maxout(tf.ones(2, 16))
maxout_chained(tf.ones(2, 32))
maxout_wrong(tf.ones(2, 12))
fusion(tf.ones(2, 4))
