"""``x.shape[...]`` in a lambda used as a layer: the dim of the shape flowing in.

``lambda x: x.reshape(x.shape[0], -1)`` (a flatten written by hand) reads its input's first
dim; where the Chain is called with a known shape, that dim is the batch size (or the
symbol ``B``), so the reshape's rule runs on it and the layer after it is checked. Sums and
products of such reads and ints count too; an index known only at run time stays unknown.
Each with its fix, concrete and symbolic; the same lines fail at run time with the same
words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor

B = TypeVar("B", bound=int)

features = Chain(Conv((3, 3), 3, 8), lambda x: x.reshape(x.shape[0], -1), Dense(8 * 8 * 8, 10))
features(tf.randn(2, 3, 8, 8))  # E: Chain layer 3 Dense(512 => 10) expects input Tensor[..., 512], but layer 2 <lambda> produces Tensor[2, 288]; change Dense(512 => 10) to Dense(288 => 10)  [shape]
features_fixed = Chain(Conv((3, 3), 3, 8), lambda x: x.reshape(x.shape[0], -1), Dense(8 * 6 * 6, 10))
features_fixed(tf.randn(2, 3, 8, 8))
heads = Chain(Dense(4, 6), lambda h: h.reshape(h.shape[0], 2, h.shape[-1] // 2))
heads(tf.randn(5, 4)) @ tf.randn(2, 4)  # E: Inner dimensions differ for "matmul": x has Tensor[5, 2, 3], w has Tensor[2, 4]; need x.shape[-1] == w.shape[-2] (3 vs 2); did you mean to swap the last two axes of x (swapaxes(x, -1, -2))?  [shape]
heads(tf.randn(5, 4)) @ tf.randn(3, 4)


@tf.shapecheck
def classify(x: Tensor[B, 3, 8, 8]) -> Tensor[B, 10]:
    return features(x)  # E: Chain layer 3 Dense(512 => 10) expects input Tensor[..., 512], but layer 2 <lambda> produces Tensor[B, 288]; change Dense(512 => 10) to Dense(288 => 10)  [shape]


@tf.shapecheck
def classify_fixed(x: Tensor[B, 3, 8, 8]) -> Tensor[B, 10]:
    return features_fixed(x)


def unknown_axis(i: int) -> None:
    Chain(Dense(4, 6), lambda h: h.reshape(h.shape[i], -1), Dense(6, 2))(tf.randn(3, 4))


classify(tf.randn(2, 3, 8, 8))
classify_fixed(tf.randn(2, 3, 8, 8))
unknown_axis(0)
