"""SkipConnection and Parallel: the connection's rule (or typed signature) joins the branches."""

import sys
from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import (
    Chain, Conv, Dense, Dropout, Flatten, LayerNorm, Parallel, SkipConnection, Tensor, gelu, relu,
)

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)

x = tf.zeros(5, 8)
residual = SkipConnection(Dense(8, 8, relu), tf.add)
reveal_type(residual(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[8]]"
# A main path that changes what the connection must add fails for every input: where built.
residual_bad = SkipConnection(Dense(8, 4, relu), tf.add)  # E: SkipConnection(Dense(8 => 4, relu), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 4], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (4 vs 8); change Dense(8 => 4, relu) to Dense(8 => 8, relu), or to Dense(4 => 4, relu)  [shape]
unet = SkipConnection(Dense(8, 4), tf.cat)
reveal_type(unet(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[12]]"
both = Parallel(tf.cat, Dense(8, 3), Dense(8, 5))
reveal_type(both(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[8]]"
sum_bad = Parallel(tf.add, Dense(8, 3), Dense(8, 5))  # E: Parallel(add, Dense(8 => 3), Dense(8 => 5)) cannot join its branches: Cannot broadcast for "add": xs[0] has Tensor[B, 3], xs[1] has Tensor[B, 5]; need equal sizes or 1 at axis -1 (3 vs 5)  [shape]
# A branch with no input of its own (tf.identity) is checked where the Parallel is called.
with_identity = Parallel(tf.add, tf.identity, Dense(8, 4))
wrong_sum = with_identity(x)  # E: Cannot broadcast for "add": xs[0] has Tensor[5, 8], xs[1] has Tensor[5, 4]; need equal sizes or 1 at axis -1 (8 vs 4)  [shape]
reveal_type(Parallel(tf.add, tf.identity, Dense(8, 8))(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[8]]"

net = Chain(Dense(8, 8), residual, Dense(8, 2))
reveal_type(net(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[2]]"
# Inside a Chain, a container is checked with the shape flowing in.
cat_then_dense = Chain(Dense(8, 8), unet, Dense(8, 2))  # E: Chain layer 3 Dense(8 => 2) expects input Tensor[..., 8], but layer 2 SkipConnection(Dense(8 => 4), cat) produces Tensor[B, 12]; change Dense(8 => 2) to Dense(12 => 2)  [shape]
# In a Chain a Parallel gets one input, so identity's branch takes what Dense(8, 4) takes.
net_bad_later = Chain(with_identity, Dense(4, 2))  # E: Chain layer 1 Parallel(add, identity, Dense(8 => 4)): Cannot broadcast for "add": xs[0] has Tensor[B, 8], xs[1] has Tensor[B, 4]; need equal sizes or 1 at axis -1 (8 vs 4)  [shape]  # N: input to layer 1: Tensor[B, 8]
after_parallel = Chain(both, Dense(6, 1))  # E: Chain layer 2 Dense(6 => 1) expects input Tensor[..., 6], but layer 1 Parallel(cat, Dense(8 => 3), Dense(8 => 5)) produces Tensor[B, 8]; change Dense(6 => 1) to Dense(8 => 1)  [shape]
after_parallel_fixed = Chain(both, Dense(8, 1))
reveal_type(after_parallel_fixed(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[1]]"


@tf.shapecheck
def gate(a: Tensor[B, N], b: Tensor[B, N]) -> Tensor[B, N]:
    return a * tf.sigmoid(b)


gated = Parallel(gate, Dense(8, 4), Dense(8, 4))
reveal_type(gated(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
gated_bad = Parallel(gate, Dense(8, 4), Dense(8, 6))  # E: Parallel(gate, Dense(8 => 4), Dense(8 => 6)) cannot join its branches: Dim "N" differs for "gate": argument "a" gives N = 4, argument "b" gives N = 6; need one size for N (4 vs 6)  [shape]  # N: N=4


@tf.shapecheck
def project(x: Tensor[B, 8]) -> Tensor[B, 2]:
    return x[:, :2]


with_function = Chain(Dense(4, 8), project)
reveal_type(with_function(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
function_bad = Chain(Dense(4, 6), project)  # E: Chain layer 2 project: Argument "x" of "project" has shape Tensor[B, 6], which does not match the annotation Tensor[B, 8]: axis 1 is 6, expected 8  [shape]  # N: input to layer 2: Tensor[B, 6]
# Sizes after a conv depend on the input: the annotation is checked where it is called.
flat_project = Chain(Conv((3, 3), 1, 2), Flatten(), project)
reveal_type(flat_project(tf.zeros(3, 1, 4, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
wrong_function_input = flat_project(tf.zeros(3, 1, 5, 5))  # E: Chain layer 3 project: Argument "x" of "project" has shape Tensor[3, 18], which does not match the annotation Tensor[B, 8]: axis 1 is 18, expected 8  [shape]  # N: B=3  # N: input to layer 3: Tensor[3, 18]


# A pre-norm residual: LayerNorm takes any leading dims, so the block is judged at each rank;
# the hint passes over a trailing Dropout to the last layer with an output size.
prenorm = SkipConnection(Chain(LayerNorm(16), Dense(16, 64, gelu), Dense(64, 16), Dropout(0.1)), tf.add)
prenorm_bad = SkipConnection(Chain(LayerNorm(16), Dense(16, 64, gelu), Dense(64, 64), Dropout(0.1)), tf.add)  # E: SkipConnection(Chain(LayerNorm(16), Dense(16 => 64, gelu), Dense(64 => 64), Dropout(0.1)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[..., 64], xs[1] has Tensor[..., 16]; need equal sizes or 1 at axis -1 (64 vs 16); change Dense(64 => 64) to Dense(64 => 16)  [shape]
prenorm_flatten = SkipConnection(Chain(LayerNorm(16), Flatten()), tf.add)  # depends on the rank: left to the call

# A lambda's body is its rule (case_lambdas.py); after one whose body is not understood
# (a size known only at run time), the layers that follow still give their sizes.
scaled = Chain(Dense(4, 8, relu), lambda h: h * 2, Dense(8, 3))
reveal_type(scaled(tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]]"
scaled_head = Dense(8, 2)(scaled(tf.zeros(2, 4)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 3]; need size 8 at axis -1 (got 3)  [shape]
opaque = Chain(Dense(4, 8, relu), lambda h: h[:, : len(sys.argv) + 7], Dense(8, 3))
reveal_type(opaque(tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...], Literal[3]]"
opaque_head = Dense(8, 2)(opaque(tf.zeros(2, 4)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[..., 3]; need size 8 at axis -1 (got 3)  [shape]

