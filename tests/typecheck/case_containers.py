"""SkipConnection and Parallel: the connection's rule (or typed signature) joins the branches."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)

x = tf.zeros(5, 8)
residual = SkipConnection(Dense(8, 8, relu), tf.add)
reveal_type(residual(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[8]]"
residual_bad = SkipConnection(Dense(8, 4, relu), tf.add)
wrong_residual = residual_bad(x)  # E: Cannot broadcast for "add": xs[0] has Tensor[5, 4], xs[1] has Tensor[5, 8]; need equal sizes or 1 at axis -1 (4 vs 8)  [shape]
unet = SkipConnection(Dense(8, 4), tf.cat)
reveal_type(unet(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[12]]"
both = Parallel(tf.cat, Dense(8, 3), Dense(8, 5))
reveal_type(both(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[8]]"
sum_bad = Parallel(tf.add, Dense(8, 3), Dense(8, 5))
wrong_sum = sum_bad(x)  # E: Cannot broadcast for "add": xs[0] has Tensor[5, 3], xs[1] has Tensor[5, 5]; need equal sizes or 1 at axis -1 (3 vs 5)  [shape]

net = Chain(Dense(8, 8), residual, Dense(8, 2))
reveal_type(net(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[2]]"
net_bad = Chain(Dense(8, 8), residual_bad, Dense(8, 2))  # E: Chain layer 2 SkipConnection(Dense(8 => 4, relu), add): Cannot broadcast for "add": xs[0] has Tensor[B, 4], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (4 vs 8)  [shape]  # N: input to layer 2: Tensor[B, 8]
# Built first in a Chain, a container has no known input to start from: checked when called.
net_bad_later = Chain(residual_bad, Dense(8, 2))
wrong_in_chain = net_bad_later(x)  # E: Chain layer 1 SkipConnection(Dense(8 => 4, relu), add): Cannot broadcast for "add": xs[0] has Tensor[5, 4], xs[1] has Tensor[5, 8]; need equal sizes or 1 at axis -1 (4 vs 8)  [shape]  # N: input to layer 1: Tensor[5, 8]
after_parallel = Chain(both, Dense(6, 1))
wrong_after_parallel = after_parallel(x)  # E: Chain layer 2 Dense(6 => 1) expects input Tensor[..., 6], but layer 1 Parallel(cat, Dense(8 => 3), Dense(8 => 5)) produces Tensor[5, 8]; change Dense(6 => 1) to Dense(8 => 1)  [shape]
after_parallel_fixed = Chain(both, Dense(8, 1))
reveal_type(after_parallel_fixed(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[1]]"


@tf.shapecheck
def gate(a: Tensor[B, N], b: Tensor[B, N]) -> Tensor[B, N]:
    return a * tf.sigmoid(b)


gated = Parallel(gate, Dense(8, 4), Dense(8, 4))
reveal_type(gated(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
gated_bad = Parallel(gate, Dense(8, 4), Dense(8, 6))
wrong_gate = gated_bad(x)  # E: Dim "N" differs for "gate": argument "a" gives N = 4, argument "b" gives N = 6; need one size for N (4 vs 6)  [shape]  # N: B=5, N=4


@tf.shapecheck
def project(x: Tensor[B, 8]) -> Tensor[B, 2]:
    return x[:, :2]


with_function = Chain(Dense(4, 8), project)
reveal_type(with_function(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
function_bad = Chain(Dense(4, 6), project)
wrong_function_input = function_bad(tf.zeros(3, 4))  # E: Chain layer 2 project: Argument "x" of "project" has shape Tensor[3, 6], which does not match the annotation Tensor[B, 8]: axis 1 is 6, expected 8  [shape]  # N: B=3  # N: input to layer 2: Tensor[3, 6]
