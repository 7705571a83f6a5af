"""Returned values against the return annotation: `[shape]` errors in the boundary's words.

Each bug returns a value the annotation does not allow, from the places real models return
from (a CNN's flatten, a layer or Chain call, a helper, a method, an attribute, a tuple, an
Optional); its fix is clean. `@tf.shapecheck` raises the same words at run time: every
function is called at the bottom with sizes no literal above uses.
"""

from typing import Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
N = TypeVar("N", bound=int)


# -- a CNN whose forward returns the wrong flatten size (28 -> 26 -> 13: 8*13*13 = 1352) -------
class SmallCNN:
    def __init__(self) -> None:
        self.conv = Conv((3, 3), 1, 8, relu)
        self.pool = MaxPool((2, 2))
        self.head = Dense(1352, 10)

    @tf.shapecheck
    def features(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 1568]:
        h = self.pool(self.conv(x))
        return h.reshape(h.shape[0], -1)  # E: Return shape Tensor[B, 1352] does not match the annotation Tensor[B, 1568]: axis 1 is 1352, expected 1568  [shape]

    @tf.shapecheck
    def features_fixed(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 1352]:
        h = self.pool(self.conv(x))
        return h.reshape(h.shape[0], -1)

    @tf.shapecheck
    def forward(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 1568]:
        h = self.pool(self.conv(x))
        flat = h.reshape(h.shape[0], -1)
        self.calls = getattr(self, "calls", 0) + 1
        return flat  # E: Return shape Tensor[B, 1352] does not match the annotation Tensor[B, 1568]: axis 1 is 1352, expected 1568  [shape]

    @tf.shapecheck
    def forward_fixed(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 1352]:
        h = self.pool(self.conv(x))
        flat = h.reshape(h.shape[0], -1)
        self.calls = getattr(self, "calls", 0) + 1
        return flat

    @tf.shapecheck
    def logits(self, x: Tensor[B, 1352]) -> Tensor[B, 100]:
        return self.head(x)  # E: Return shape Tensor[B, 10] does not match the annotation Tensor[B, 100]: axis 1 is 10, expected 100  [shape]

    @tf.shapecheck
    def logits_fixed(self, x: Tensor[B, 1352]) -> Tensor[B, 10]:
        return self.head(x)


# -- the same bug with every size symbolic -------------------------------------------------------
@tf.shapecheck
def flatten_spatial(x: Tensor[B, C, H, W]) -> Tensor[B, "H*W"]:
    return x.reshape(x.shape[0], -1)  # E: Return shape Tensor[B, C*H*W] does not match the annotation Tensor[B, H*W]: axis 1 is C*H*W, expected H*W  [shape]


@tf.shapecheck
def flatten_spatial_fixed(x: Tensor[B, C, H, W]) -> Tensor[B, "C*H*W"]:
    return x.reshape(x.shape[0], -1)


# -- a Chain, a helper, a transpose, a reduction that drops an axis -----------------------------
mlp = Chain(Dense(784, 128, relu), Dense(128, 10))


@tf.shapecheck
def classify(x: Tensor[B, 784]) -> Tensor[B, 100]:
    return mlp(x)  # E: Return shape Tensor[B, 10] does not match the annotation Tensor[B, 100]: axis 1 is 10, expected 100  [shape]


@tf.shapecheck
def classify_fixed(x: Tensor[B, 784]) -> Tensor[B, 10]:
    return mlp(x)


@tf.shapecheck
def encode(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.concat([x, x], axis=1)


@tf.shapecheck
def encode_twice(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return encode(encode(x))  # E: Return shape Tensor[B, 4*N] does not match the annotation Tensor[B, 2*N]: axis 1 is 4*N, expected 2*N  [shape]


@tf.shapecheck
def encode_twice_fixed(x: Tensor[B, N]) -> Tensor[B, "4*N"]:
    return encode(encode(x))


@tf.shapecheck
def transposed(x: Tensor[B, N]) -> Tensor[B, N]:
    return x.T  # E: Return shape Tensor[N, B] does not match the annotation Tensor[B, N]: axis 0 is N, expected B  [shape]


@tf.shapecheck
def transposed_fixed(x: Tensor[B, N]) -> Tensor[N, B]:
    return x.T


@tf.shapecheck
def row_means(x: Tensor[B, N]) -> Tensor[B, 1]:
    return x.mean(axis=1)  # E: Return shape Tensor[B] does not match the annotation Tensor[B, 1]: rank is 1, expected 2  [shape]


@tf.shapecheck
def row_means_fixed(x: Tensor[B, N]) -> Tensor[B, 1]:
    return x.mean(axis=1, keepdims=True)


# -- tuples, Optional, a weight stored the other way round ---------------------------------------
@tf.shapecheck
def logits_and_best(x: Tensor[B, 10]) -> Tuple[Tensor[B, 10], Tensor[B]]:
    return x, x.max(axis=0)  # E: Return shape Tensor[10] (tuple item 1) does not match the annotation Tensor[B]: axis 0 is 10, expected B  [shape]


@tf.shapecheck
def logits_and_best_fixed(x: Tensor[B, 10]) -> Tuple[Tensor[B, 10], Tensor[B]]:
    return x, x.max(axis=1)


@tf.shapecheck
def maybe_scores(x: Tensor[B, 784], w: Tensor[784, 10], keep: bool) -> Optional[Tensor[B, 784]]:
    return x @ w if keep else None  # E: Return shape Tensor[B, 10] does not match the annotation Tensor[B, 784]: axis 1 is 10, expected 784  [shape]


@tf.shapecheck
def maybe_scores_fixed(x: Tensor[B, 784], w: Tensor[784, 10], keep: bool) -> Optional[Tensor[B, 10]]:
    return x @ w if keep else None


class Projection:
    weight: Tensor[10, 784]

    def __init__(self) -> None:
        self.weight = tf.zeros(10, 784)

    @tf.shapecheck
    def matrix(self) -> Tensor[784, 10]:
        return self.weight  # E: Return shape Tensor[10, 784] does not match the annotation Tensor[784, 10]: axis 0 is 10, expected 784  [shape]

    @tf.shapecheck
    def matrix_fixed(self) -> Tensor[784, 10]:
        return self.weight.T


# -- concrete sizes ------------------------------------------------------------------------------
@tf.shapecheck
def make_batch() -> Tensor[32, 784]:
    return tf.zeros(32, 748)  # E: Return shape Tensor[32, 748] does not match the annotation Tensor[32, 784]: axis 1 is 748, expected 784  [shape]


@tf.shapecheck
def make_batch_fixed() -> Tensor[32, 784]:
    return tf.zeros(32, 784)


# Called with sizes no literal above uses (B=5, C=3, H=4, W=6, N=7), so each bug raises.
cnn = SmallCNN()
cnn.features(tf.zeros(5, 1, 28, 28))
cnn.features_fixed(tf.zeros(5, 1, 28, 28))
cnn.forward(tf.zeros(5, 1, 28, 28))
cnn.forward_fixed(tf.zeros(5, 1, 28, 28))
cnn.logits(tf.zeros(5, 1352))
cnn.logits_fixed(tf.zeros(5, 1352))
flatten_spatial(tf.zeros(5, 3, 4, 6))
flatten_spatial_fixed(tf.zeros(5, 3, 4, 6))
classify(tf.zeros(5, 784))
classify_fixed(tf.zeros(5, 784))
encode_twice(tf.zeros(5, 7))
encode_twice_fixed(tf.zeros(5, 7))
transposed(tf.zeros(5, 7))
transposed_fixed(tf.zeros(5, 7))
row_means(tf.zeros(5, 7))
row_means_fixed(tf.zeros(5, 7))
logits_and_best(tf.zeros(5, 10))
logits_and_best_fixed(tf.zeros(5, 10))
maybe_scores(tf.zeros(5, 784), tf.zeros(784, 10), True)
maybe_scores_fixed(tf.zeros(5, 784), tf.zeros(784, 10), True)
Projection().matrix()
Projection().matrix_fixed()
make_batch()
make_batch_fixed()
