"""Pyre's typed linear layer test: linear(x: Tensor[N, In], w: Tensor[Out, In]) ->
Tensor[N, Out] computes x @ w.T; a hand-written layer keeps its weight (out, in) like
torch.nn.Linear and is applied twice in a small MLP."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor, relu

N = TypeVar("N", bound=int)
In = TypeVar("In", bound=int)
Out = TypeVar("Out", bound=int)


@tf.shapecheck
def linear(x: Tensor[N, In], w: Tensor[Out, In]) -> Tensor[N, Out]:
    return x @ w.T


w1 = tf.randn(16, 8)
w2 = tf.randn(16, 4)
x = tf.randn(5, 8)
h = relu(linear(x, w1))
y = linear(h, w2)  # BUG  # E: Dim "In" differs for "linear": argument "x" gives In = 16, argument "w" gives In = 4; need one size for In (16 vs 4)  [shape]  # N: N=5, In=16, Out=16
print(y.shape)
