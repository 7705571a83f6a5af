"""The eight common shape-bug classes, each as a bug and its fix, concretely and symbolically.

1 matmul inner dim, 2 forgotten transpose, 3 Dense chain, 4 elementwise broadcast, 5 reshape
(concrete and symbolic batch), 6 concat then Dense, 7 conv -> flatten -> Dense miscount,
8 wrong reduction axis then broadcast. Every fixed version must be clean.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)

# -- concrete sizes -----------------------------------------------------------------------------
x = tf.randn(32, 784)

# 1 matmul inner dim
h1 = x @ tf.randn(700, 10)  # E: Inner dimensions differ for "matmul": x has Tensor[32, 784], w has Tensor[700, 10]; need x.shape[-1] == w.shape[-2] (784 vs 700)  [shape]
h1_fixed = x @ tf.randn(784, 10)

# 2 forgotten transpose (weights stored PyTorch-style, (out, in))
w2 = tf.randn(10, 784)
h2 = x @ w2  # E: Inner dimensions differ for "matmul": x has Tensor[32, 784], w has Tensor[10, 784]; need x.shape[-1] == w.shape[-2] (784 vs 10); did you mean to transpose w (w.T)?  [shape]
h2_fixed = x @ w2.T

# 3 Dense chain
m3 = Chain(Dense(784, 32, relu), Dense(64, 10))  # E: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)  [shape]
m3_fixed = Chain(Dense(784, 32, relu), Dense(32, 10))
h3_fixed = m3_fixed(x)

# 4 elementwise broadcast (a per-feature bias of the wrong length)
h4 = x + tf.zeros(748)  # E: Cannot broadcast for "add": x has Tensor[32, 784], y has Tensor[748]; need equal sizes or 1 at axis -1 (784 vs 748)  [shape]
h4_fixed = x + tf.zeros(784)

# 5 reshape
imgs = tf.randn(32, 28, 28)
h5 = imgs.reshape(32, 748)  # E: Cannot reshape for "reshape": x has Tensor[32, 28, 28], target is (32, 748); need equal element counts (25088 vs 23936)  [shape]
h5_fixed = imgs.reshape(32, 784)

# 6 concat then Dense
feats = tf.concat([tf.randn(32, 100), tf.randn(32, 50)], axis=-1)
h6 = Dense(100, 10)(feats)  # E: Dense(100 => 10) expects input Tensor[..., 100], got Tensor[32, 150]; need size 100 at axis -1 (got 150)  [shape]
h6_fixed = Dense(150, 10)(feats)

# 7 conv -> flatten -> Dense miscount (28 - 2 = 26, pooled to 13: 8*13*13 = 1352, not 8*14*14)
cnn = Chain(Conv((3, 3), 1, 8, relu), MaxPool((2, 2)), Flatten(), Dense(1568, 10))
h7 = cnn(tf.randn(32, 1, 28, 28))  # E: Chain layer 4 Dense(1568 => 10) expects input Tensor[..., 1568], but layer 3 Flatten() produces Tensor[32, 1352]; change Dense(1568 => 10) to Dense(1352 => 10)  [shape]
cnn_fixed = Chain(Conv((3, 3), 1, 8, relu), MaxPool((2, 2)), Flatten(), Dense(1352, 10))
h7_fixed = cnn_fixed(tf.randn(32, 1, 28, 28))

# 8 wrong reduction axis, then broadcast (centring each row)
h8 = x - x.mean(axis=0)
h8_rows = x - x.mean(axis=1)  # E: Cannot broadcast for "sub": x has Tensor[32, 784], y has Tensor[32]; need equal sizes or 1 at axis -1 (784 vs 32); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
h8_fixed = x - x.mean(axis=1, keepdims=True)


# -- symbolic batch -----------------------------------------------------------------------------
def matmul_bug(x: Tensor[B, 784], w: Tensor[700, 10]) -> Tensor[B, 10]:
    return x @ w  # E: Inner dimensions differ for "matmul": x has Tensor[B, 784], w has Tensor[700, 10]; need x.shape[-1] == w.shape[-2] (784 vs 700)  [shape]


def matmul_fixed(x: Tensor[B, 784], w: Tensor[784, 10]) -> Tensor[B, 10]:
    return x @ w


def transpose_bug(x: Tensor[B, 784], w: Tensor[10, 784]) -> Tensor[B, 10]:
    return x @ w  # E: Inner dimensions differ for "matmul": x has Tensor[B, 784], w has Tensor[10, 784]; need x.shape[-1] == w.shape[-2] (784 vs 10); did you mean to transpose w (w.T)?  [shape]


def transpose_fixed(x: Tensor[B, 784], w: Tensor[10, 784]) -> Tensor[B, 10]:
    return x @ w.T


def chain_call_bug(x: Tensor[B, 784]) -> Tensor[B, 10]:
    return Chain(Dense(700, 32, relu), Dense(32, 10))(x)  # E: Chain layer 1 Dense(700 => 32, relu) expects input Tensor[..., 700], got Tensor[B, 784]; need size 700 at axis -1 (got 784)  [shape]


def chain_call_fixed(x: Tensor[B, 784]) -> Tensor[B, 10]:
    return Chain(Dense(784, 32, relu), Dense(32, 10))(x)


def broadcast_bug(x: Tensor[B, 784], bias: Tensor[B]) -> Tensor[B, 784]:
    return x + bias  # E: Cannot broadcast for "add": x has Tensor[B, 784], y has Tensor[B]; need equal sizes or 1 at axis -1 (784 vs B); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]


def broadcast_fixed(x: Tensor[B, 784], bias: Tensor[B]) -> Tensor[B, 784]:
    return x + bias[:, None]


def reshape_bug(imgs: Tensor[B, 28, 28]) -> Tensor[B, 784]:
    return imgs.reshape(imgs.shape[0], 748)  # E: Cannot reshape for "reshape": x has Tensor[B, 28, 28], target is (B, 748); need equal element counts (784*B vs 748*B)  [shape]


def reshape_fixed(imgs: Tensor[B, 28, 28]) -> Tensor[B, 784]:
    return imgs.reshape(imgs.shape[0], 784)


def concat_bug(a: Tensor[B, 100], b: Tensor[B, 50]) -> Tensor[B, 10]:
    return Dense(100, 10)(tf.concat([a, b], axis=-1))  # E: Dense(100 => 10) expects input Tensor[..., 100], got Tensor[B, 150]; need size 100 at axis -1 (got 150)  [shape]


def concat_fixed(a: Tensor[B, 100], b: Tensor[B, 50]) -> Tensor[B, 10]:
    return Dense(150, 10)(tf.concat([a, b], axis=-1))


def conv_bug(imgs: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
    return cnn(imgs)  # E: Chain layer 4 Dense(1568 => 10) expects input Tensor[..., 1568], but layer 3 Flatten() produces Tensor[B, 1352]; change Dense(1568 => 10) to Dense(1352 => 10)  [shape]


def conv_fixed(imgs: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
    return cnn_fixed(imgs)


def reduce_bug(x: Tensor[B, 784]) -> Tensor[B, 784]:
    return x - x.mean(axis=1)  # E: Cannot broadcast for "sub": x has Tensor[B, 784], y has Tensor[B]; need equal sizes or 1 at axis -1 (784 vs B); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]


def reduce_fixed(x: Tensor[B, 784]) -> Tensor[B, 784]:
    return x - x.mean(axis=1, keepdims=True)


# Called with a batch of 5 (no literal size above is 5), so each bug raises at run time too.
matmul_bug(tf.randn(5, 784), tf.randn(700, 10))
matmul_fixed(tf.randn(5, 784), tf.randn(784, 10))
transpose_bug(tf.randn(5, 784), tf.randn(10, 784))
transpose_fixed(tf.randn(5, 784), tf.randn(10, 784))
chain_call_bug(tf.randn(5, 784))
chain_call_fixed(tf.randn(5, 784))
broadcast_bug(tf.randn(5, 784), tf.randn(5))
broadcast_fixed(tf.randn(5, 784), tf.randn(5))
reshape_bug(tf.randn(5, 28, 28))
reshape_fixed(tf.randn(5, 28, 28))
concat_bug(tf.randn(5, 100), tf.randn(5, 50))
concat_fixed(tf.randn(5, 100), tf.randn(5, 50))
conv_bug(tf.randn(5, 1, 28, 28))
conv_fixed(tf.randn(5, 1, 28, 28))
reduce_bug(tf.randn(5, 784))
reduce_fixed(tf.randn(5, 784))
