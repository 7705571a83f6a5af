"""Data made from a tensor (``y.numpy()``, ``y.numpy().tolist()``) has the tensor's shape:
typeshed types ``tolist()`` as ``Any``, so one-hot labels of it would have no static shape."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, Tensor

B = TypeVar("B", bound=int)

model = Chain(Dense(6, 4))
x = tf.randn(20, 6)
truth = tf.onehot([i % 4 for i in range(20)], 4)
labels = tf.onecold(model(x))
reveal_type(tf.onehot(labels.numpy().tolist(), 4))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[20], Literal[4]]"
reveal_type(tf.onehot(labels.numpy(), 4))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[20], Literal[4]]"
conf = tf.onehot(labels.numpy().tolist(), 4) @ truth  # E: Inner dimensions differ for "matmul": x has Tensor[20, 4], w has Tensor[20, 4]; need x.shape[-1] == w.shape[-2] (4 vs 20); did you mean to transpose w (w.T)?  [shape]
conf_fixed = tf.onehot(labels.numpy().tolist(), 4).T @ truth
reveal_type(conf_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[4]]"


def confusion(y: Tensor[B, 4], t: Tensor[B, 4]) -> Tensor[4, 4]:
    pred = tf.onehot(tf.onecold(y).numpy().tolist(), 4)
    return pred @ t  # E: Inner dimensions differ for "matmul": x has Tensor[B, 4], w has Tensor[B, 4]; need x.shape[-1] == w.shape[-2] (4 vs B); did you mean to transpose w (w.T)?  [shape]


def confusion_fixed(y: Tensor[B, 4], t: Tensor[B, 4]) -> Tensor[4, 4]:
    pred = tf.onehot(tf.onecold(y).numpy().tolist(), 4)
    return pred.T @ t


confusion_fixed(tf.randn(20, 4), truth)
confusion(tf.randn(20, 4), truth)
