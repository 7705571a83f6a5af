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
w2 = tf.randn(4, 16)
x = tf.randn(5, 8)
h = relu(linear(x, w1))
y = linear(h, w2)
print(y.shape)
