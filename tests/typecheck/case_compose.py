"""Composition: inline Chains in containers, tf functions, user functions and lambdas as layers
and connections, nested to any depth; concrete and symbolic."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

x = tf.zeros(3, 64)

# Inline Chains inside containers keep their layers' types.
residual = SkipConnection(Chain(Dense(64, 256, relu), Dense(256, 64)), tf.add)
reveal_type(residual(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[64]]"
residual_bad = SkipConnection(Chain(Dense(64, 256, relu), Dense(256, 32)), tf.add)  # E: SkipConnection(Chain(Dense(64 => 256, relu), Dense(256 => 32)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 32], xs[1] has Tensor[B, 64]; need equal sizes or 1 at axis -1 (32 vs 64); change Dense(256 => 32) to Dense(256 => 64), or Dense(64 => 256, relu) to Dense(32 => 256, relu)  [shape]
widen = SkipConnection(Chain(Dense(64, 256, relu), Dense(256, 32)), tf.cat)
reveal_type(widen(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[96]]"
branches = Parallel(tf.cat, Chain(Dense(64, 16), relu), Chain(Dense(64, 8), tf.softmax))
reveal_type(branches(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[24]]"
branches_bad = Parallel(tf.add, Chain(Dense(64, 16), relu), Chain(Dense(64, 8), tf.softmax))  # E: Parallel(add, Chain(Dense(64 => 16), relu), Chain(Dense(64 => 8), softmax)) cannot join its branches: Cannot broadcast for "add": xs[0] has Tensor[B, 16], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]
gated = Parallel(tf.mul, Dense(64, 64, tf.sigmoid), tf.identity)
reveal_type(gated(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[64]]"

# Called with one input per branch, each branch gets its own.
two_inputs = Parallel(tf.cat, Dense(64, 2), Dense(32, 3))
reveal_type(two_inputs(x, tf.zeros(3, 32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[5]]"
wrong_second = two_inputs(x, x)  # E: Dense(32 => 3) expects input Tensor[..., 32], got Tensor[3, 64]; need size 32 at axis -1 (got 64)  [shape]

# tf functions as layers, nested three deep.
deep = Chain(Chain(Dense(64, 32), Chain(relu, Chain(tf.identity, Dense(32, 16)))), tf.softmax)
reveal_type(deep(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[16]]"
deep_bad = Chain(Chain(Dense(64, 32), Chain(relu, Chain(tf.identity, Dense(16, 16)))), tf.softmax)  # E: Chain layer 2 Chain(relu, Chain(identity, Dense(16 => 16))): Chain layer 2 Chain(identity, Dense(16 => 16)): Chain layer 2 Dense(16 => 16) expects input Tensor[..., 16], but layer 1 identity produces Tensor[B, 32]; change Dense(16 => 16) to Dense(32 => 16)  [shape]  # N: input to layer 2: Tensor[B, 32]
deep_late = Chain(Chain(Dense(64, 32), Chain(relu, Chain(tf.identity, Dense(32, 16)))), Dense(32, 2))  # E: Chain layer 2 Dense(32 => 2) expects input Tensor[..., 32], but layer 1 Chain(Dense(64 => 32), Chain(relu, Chain(identity, Dense(32 => 16)))) produces Tensor[B, 16]; change Dense(32 => 2) to Dense(16 => 2)  [shape]
nested_containers = Chain(
    Dense(64, 64),
    SkipConnection(Chain(LayerNorm(64), SkipConnection(Dense(64, 64, relu), tf.add)), tf.add),
    Dense(64, 10),
)
reveal_type(nested_containers(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[10]]"
nested_containers_bad = Chain(
    Dense(64, 64),
    SkipConnection(Chain(LayerNorm(64), SkipConnection(Dense(64, 64, relu), tf.add)), tf.add),
    Dense(32, 10),  # E: Chain layer 3 Dense(32 => 10) expects input Tensor[..., 32], but layer 2 SkipConnection(Chain(LayerNorm(64), SkipConnection(Dense(64 => 64, relu), add)), add) produces Tensor[B, 64]; change Dense(32 => 10) to Dense(64 => 10)  [shape]
)


# A user function as a layer and as a connection.
def halve(v: Tensor[B, 64]) -> Tensor[B, 32]:
    return v[:, :32]


def mix(a: Tensor[B, N], b: Tensor[B, N]) -> Tensor[B, N]:
    return a * 0.5 + b * 0.5


with_function = Chain(Dense(64, 64), halve, Dense(32, 2))
reveal_type(with_function(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
function_bad = Chain(Dense(64, 32), halve)  # E: Chain layer 2 halve: Argument "v" of "halve" has shape Tensor[B, 32], which does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]  # N: input to layer 2: Tensor[B, 32]
joined = Parallel(mix, Dense(64, 16), Dense(64, 16))
reveal_type(joined(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[16]]"
joined_bad = Parallel(mix, Dense(64, 16), Dense(64, 8))  # E: Parallel(mix, Dense(64 => 16), Dense(64 => 8)) cannot join its branches: Dim "N" differs for "mix": argument "a" gives N = 16, argument "b" gives N = 8; need one size for N (16 vs 8)  [shape]  # N: N=16
skip_mix = SkipConnection(Dense(64, 64, relu), mix)
reveal_type(skip_mix(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[64]]"

# A Parallel first in a SkipConnection's main path: built alone, the block cannot say which
# side is wrong, so the hint names the last layer giving 11 back, or the one branch's layer
# taking the input's width (the mean branch takes any); the second is the fix after Dense(16, 8).
parallel_first_bad = Chain(Dense(16, 8, relu), SkipConnection(Chain(Parallel(tf.add, Dense(11, 4), tf.mean), Dense(4, 8)), tf.add))  # E: SkipConnection(Chain(Parallel(add, Dense(11 => 4), mean), Dense(4 => 8)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 8], xs[1] has Tensor[B, 11]; need equal sizes or 1 at axis -1 (8 vs 11); change Dense(4 => 8) to Dense(4 => 11), or Dense(11 => 4) to Dense(8 => 4)  [shape]
parallel_first = Chain(Dense(16, 8, relu), SkipConnection(Chain(Parallel(tf.add, Dense(8, 4), tf.mean), Dense(4, 8)), tf.add))
reveal_type(parallel_first(tf.zeros(3, 16)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[8]]"

# A lambda has no shape rule: checks restart after it (and it runs at run time).
with_lambda = Chain(Dense(64, 32), lambda v: v * 2, Dense(32, 2))
lambda_connection = SkipConnection(Dense(64, 64), lambda a, b: a + b)
# A message names a lambda in a nested Chain as its repr does, on both sides.
lambda_nested_bad = SkipConnection(Chain(Dense(64, 8), Chain(lambda v: relu(v), Dense(8, 5))), tf.add)  # E: SkipConnection(Chain(Dense(64 => 8), Chain(<lambda>, Dense(8 => 5))), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 5], xs[1] has Tensor[B, 64]; need equal sizes or 1 at axis -1 (5 vs 64); change Dense(8 => 5) to Dense(8 => 64), or Dense(64 => 8) to Dense(5 => 8)  [shape]


# Symbolic: sizes taken from the input.
def encode(v: Tensor[B, N]) -> Tensor[B, 8]:
    n = v.shape[1]
    model = Chain(Dense(n, 8, relu), SkipConnection(Dense(8, 8), tf.add))
    return model(v)


def encode_bad(v: Tensor[B, N]) -> Tensor[B, 8]:
    n = v.shape[1]
    block = SkipConnection(Dense(n, 8), tf.add)
    return Chain(Dense(n, 8), Dense(8, 8))(v)


def build_head(v: Tensor[B, N]) -> Tensor[B, 10]:
    n = v.shape[1]
    head = Chain(
        Dense(n, 64, relu),
        Dense(32, 10),  # E: Chain layer 2 Dense(32 => 10) expects input Tensor[..., 32], but layer 1 Dense(N => 64, relu) produces Tensor[B, 64]; change Dense(32 => 10) to Dense(64 => 10)  [shape]
    )
    return head(v)


def mixer_bad(v: Tensor[B, N, 16]) -> Tensor[B, N, 8]:
    block = Chain(Dense(16, 8), SkipConnection(Chain(Parallel(tf.add, Chain(Dense(11, 16, tf.tanh)), tf.mean), Dense(16, 8)), tf.add))  # E: SkipConnection(Chain(Parallel(add, Chain(Dense(11 => 16, tanh)), mean), Dense(16 => 8)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 8], xs[1] has Tensor[B, 11]; need equal sizes or 1 at axis -1 (8 vs 11); change Dense(16 => 8) to Dense(16 => 11), or Dense(11 => 16, tanh) to Dense(8 => 16, tanh)  [shape]
    return block(v)


def mixer(v: Tensor[B, N, 16]) -> Tensor[B, N, 8]:
    block = Chain(Dense(16, 8), SkipConnection(Chain(Parallel(tf.add, Chain(Dense(8, 16, tf.tanh)), tf.mean), Dense(16, 8)), tf.add))
    return block(v)


def through(v: Tensor[B, 64]) -> Tensor[B, 64]:
    return residual(v)


def through_bad(v: Tensor[B, 32]) -> Tensor[B, 64]:
    return residual(v)  # E: Chain layer 1 Dense(64 => 256, relu) expects input Tensor[..., 64], got Tensor[B, 32]; need size 64 at axis -1 (got 32)  [shape]


encode(tf.zeros(2, 5))
encode_bad(tf.zeros(2, 5))
build_head(tf.zeros(2, 5))
mixer_bad(tf.zeros(2, 5, 16))
mixer(tf.zeros(2, 5, 16))
through(tf.zeros(2, 64))
through_bad(tf.zeros(2, 32))
