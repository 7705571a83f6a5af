"""matmul: inner dims, the forgotten transpose; concrete and symbolic, each bug with its fix."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

x = tf.zeros(32, 784)
w = tf.zeros(10, 784)
y = x @ w  # E: Inner dimensions differ for "matmul": x has Tensor[32, 784], w has Tensor[10, 784]; need x.shape[-1] == w.shape[-2] (784 vs 10); did you mean to transpose w (w.T)?  [shape]
y_fixed = x @ w.T
reveal_type(y_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
z = tf.matmul(x, tf.zeros(700, 10))  # E: Inner dimensions differ for "matmul": x has Tensor[32, 784], w has Tensor[700, 10]; need x.shape[-1] == w.shape[-2] (784 vs 700)  [shape]
z_fixed = tf.matmul(x, tf.zeros(784, 10))
reveal_type(z_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"


def predict(x: Tensor[B, 784], w: Tensor[10, 784]) -> Tensor[B, 10]:
    return x @ w  # E: Inner dimensions differ for "matmul": x has Tensor[B, 784], w has Tensor[10, 784]; need x.shape[-1] == w.shape[-2] (784 vs 10); did you mean to transpose w (w.T)?  [shape]


def predict_fixed(x: Tensor[B, 784], w: Tensor[10, 784]) -> Tensor[B, 10]:
    return x @ w.T


predict_fixed(tf.zeros(8, 784), tf.zeros(10, 784))
predict(tf.zeros(8, 784), tf.zeros(10, 784))

v = tf.zeros(784)
reveal_type(x @ v)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32]]"
reveal_type(v @ w.T)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[10]]"
