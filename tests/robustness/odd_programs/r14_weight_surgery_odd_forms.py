"""Weight surgery in odd forms (scaled, +=, transposed in a loop over a Chain's layers, setattr
by a name, __dict__, a tuple-target tie) and numpy constructors with static sizes."""
from typing import Any, TypeVar

import numpy as np
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Chain, Dense, Embedding, Tensor

Rs = TypeVarTuple("Rs")
B = TypeVar("B", bound=int)

head = Dense(8, 4)
head.weight = head.weight * 0.5
head.weight += 1.0
for layer in Chain(Dense(8, 8), Dense(8, 8)).layers:
    layer.weight = layer.weight.T
name = "bias"
setattr(head, name, tf.zeros(4))
head.__dict__["weight"] = tf.zeros(4, 8)
emb = Embedding(10, 8)
tied = Dense(8, 10)
tied.weight, tied.bias = emb.weight, tf.zeros(10)
y = tied(head.weight.T[:2].T.T @ tf.zeros(4, 8) @ tf.zeros(8, 8))


def red(x: Tensor[B, Unpack[Rs], 3]) -> Tensor[B, Unpack[Rs]]:
    return x.sum(axis=-1)


def red2(x: Tensor[Unpack[Rs], 3]) -> Tensor[Unpack[Rs], 1]:
    return x.mean(axis=-1, keepdims=True)


a = tf.tensor(np.zeros((3, 4)))
b2 = tf.tensor(np.eye(4)[:, :2])
c = tf.tensor(np.full((2, 2), 1.0).astype(np.float32))
d = tf.tensor(np.zeros(shape=(5,)))
e = tf.tensor(np.zeros((0, 4)))
print(red(tf.zeros(2, 5, 3)).shape, red2(tf.zeros(3)).shape, a.shape, b2.shape, c.shape, d.shape, e.shape, y.shape)
