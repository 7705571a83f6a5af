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

# Attention scores on batched tensors: .T reverses every axis of a 3-d tensor, so q @ k.T
# does not line up; the hint is the fix that makes the product go through (batch axes
# included): swap only k's last two axes. Applying it type-checks clean and runs.
q = tf.randn(2, 5, 8)
k = tf.randn(2, 5, 8)
scores = q @ k.T  # E: Inner dimensions differ for "matmul": x has Tensor[2, 5, 8], w has Tensor[8, 5, 2]; need x.shape[-1] == w.shape[-2] (8 vs 5); did you mean to swap only the last two axes of the tensor w was made from by .T (.T reverses all 3 axes; that tensor's .swapaxes(-1, -2) is Tensor[2, 8, 5])?  [shape]
scores_fixed = q @ k.swapaxes(-1, -2)
reveal_type(scores_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5], Literal[5]]"
T_ = TypeVar("T_", bound=int)
D_ = TypeVar("D_", bound=int)


@tf.shapecheck
def attend(q: Tensor[B, T_, D_], k: Tensor[B, T_, D_]) -> Tensor[B, T_, T_]:
    return q @ k.T  # E: Inner dimensions differ for "matmul": x has Tensor[B, T_, D_], w has Tensor[D_, T_, B]; need x.shape[-1] == w.shape[-2] (D_ vs T_); did you mean to swap only the last two axes of the tensor w was made from by .T (.T reverses all 3 axes; that tensor's .swapaxes(-1, -2) is Tensor[B, D_, T_])?  [shape]


@tf.shapecheck
def attend_fixed(q: Tensor[B, T_, D_], k: Tensor[B, T_, D_]) -> Tensor[B, T_, T_]:
    return q @ k.swapaxes(-1, -2)


attend_fixed(tf.randn(2, 5, 8), tf.randn(2, 5, 8))
attend(tf.randn(2, 5, 8), tf.randn(2, 5, 8))
