"""A dueling DQN head: Q = V + A - mean(A); the mean over actions lost its axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
trunk = Chain(Dense(8, 64, relu))
value, advantage = Dense(64, 1), Dense(64, 4)


def q_values(s: Tensor[B, 8]) -> Tensor[B, 4]:
    h = trunk(s)
    a = advantage(h)
    return value(h) + a - a.mean(axis=1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[B, 4], y has Tensor[B]; need equal sizes or 1 at axis -1 (4 vs B); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]


print(q_values(tf.randn(6, 8)).shape)
