"""Assigned values against the variable's or attribute's annotation: `[shape]` errors.

Variable annotations are invisible at run time (Python does not evaluate a local annotation),
so these errors have no run-time twin: the lines below run without a ShapeError.
"""

from typing import Dict, List, Literal, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

# -- concrete sizes ------------------------------------------------------------------------------
encoder = Chain(Dense(784, 256, relu), Dense(256, 32))
x = tf.randn(16, 784)
code: Tensor[16, 64] = encoder(x)  # E: Assigned shape Tensor[16, 32] does not match the annotation Tensor[16, 64] of "code": axis 1 is 32, expected 64  [shape]
code_fixed: Tensor[16, 32] = encoder(x)
flat: Tensor[16, 28, 28] = x.reshape(16, 28, 28, 1)  # E: Assigned shape Tensor[16, 28, 28, 1] does not match the annotation Tensor[16, 28, 28] of "flat": rank is 4, expected 3  [shape]
flat_fixed: Tensor[16, 28, 28] = x.reshape(16, 28, 28)
batch: List[Tensor[16, 784]] = [x, tf.zeros(16, 748)]  # E: Assigned shape Tensor[16, 748] (list item 1) does not match the annotation Tensor[16, 784] of "batch": axis 1 is 748, expected 784  [shape]
batch_fixed: List[Tensor[16, 784]] = [x, tf.zeros(16, 784)]
named: Dict[str, Tensor[784, 32]] = {"w": tf.zeros(32, 784)}  # E: Assigned shape Tensor[32, 784] (dict entry 0) does not match the annotation Tensor[784, 32] of "named": axis 0 is 32, expected 784  [shape]
named_fixed: Dict[str, Tensor[784, 32]] = {"w": tf.zeros(32, 784).T}


# -- attributes declared in the class, assigned in __init__ -------------------------------------
class Autoencoder:
    weight: Tensor[32, 784]

    def __init__(self) -> None:
        self.weight = tf.randn(784, 32)  # E: Assigned shape Tensor[784, 32] does not match the annotation Tensor[32, 784] of "self.weight": axis 0 is 784, expected 32  [shape]
        self.bias: Tensor[32] = tf.zeros(784)  # E: Assigned shape Tensor[784] does not match the annotation Tensor[32] of "self.bias": axis 0 is 784, expected 32  [shape]


class AutoencoderFixed:
    weight: Tensor[32, 784]

    def __init__(self) -> None:
        self.weight = tf.randn(32, 784)
        self.bias: Tensor[32] = tf.zeros(32)


# -- symbolic sizes ------------------------------------------------------------------------------
def attention_scores(q: Tensor[B, N, 64], k: Tensor[B, N, 64]) -> None:
    # The op's own error, and no second one for the annotation:
    scores: Tensor[B, N, N] = q @ k  # E: Inner dimensions differ for "matmul": x has Tensor[B, N, 64], w has Tensor[B, N, 64]; need x.shape[-1] == w.shape[-2] (64 vs N); did you mean to swap the last two axes of w (swapaxes(w, -1, -2))?  [shape]
    wrong: Tensor[B, N, 64] = q @ k.swapaxes(-1, -2)  # E: Assigned shape Tensor[B, N, N] does not match the annotation Tensor[B, N, 64] of "wrong": axis 2 is N, expected 64  [shape]
    fixed: Tensor[B, N, N] = q @ k.swapaxes(-1, -2)


def pooled(h: Tensor[B, N, 64]) -> None:
    summary: Tensor[B, 64] = h.mean(axis=2)  # E: Assigned shape Tensor[B, N] does not match the annotation Tensor[B, 64] of "summary": axis 1 is N, expected 64  [shape]
    summary_fixed: Tensor[B, 64] = h.mean(axis=1)


# -- a name bound just before and read only by the annotated assignment -----------------------
def staged(x: Tensor[B, 784]) -> None:
    h = encoder(x)
    code: Tensor[B, 64] = h  # E: Assigned shape Tensor[B, 32] does not match the annotation Tensor[B, 64] of "code": axis 1 is 32, expected 64  [shape]
    h_fixed = encoder(x)
    code_fixed: Tensor[B, 32] = h_fixed


staged_h = encoder(x)
staged_code: Tensor[16, 64] = staged_h  # E: Assigned shape Tensor[16, 32] does not match the annotation Tensor[16, 64] of "staged_code": axis 1 is 32, expected 64  [shape]


# The module-level lines above ran without a ShapeError; these run the functions' bodies.
Autoencoder()
AutoencoderFixed()
staged(x)
attention_scores(tf.zeros(2, 5, 64), tf.zeros(2, 5, 64))
pooled(tf.zeros(2, 5, 64))


# -- a layer whose sizes are not its annotation's -------------------------------------------------
class Classifier:
    def __init__(self) -> None:
        self.head: Dense[64, 10] = Dense(64, 100)  # E: Assigned layer Dense(64 => 100) does not match the annotation Dense[64, 10] of "self.head": out_features is 100, expected 10  [shape]
        self.body: Dense[784, 64] = Dense(784, 64)


def make_head() -> Dense[64, 10]:
    return Dense(32, 10)  # E: Return layer Dense(32 => 10) does not match the annotation Dense[64, 10]: in_features is 32, expected 64  [shape]


enc_layer: Dense[784, 32] = Dense(784, 32)
decoder: Dense[32, 784] = Dense(784, 32)  # E: Assigned layer Dense(784 => 32) does not match the annotation Dense[32, 784] of "decoder": in_features is 784, expected 32  [shape]
Classifier()


# A Chain built under a Chain[...] annotation: compared layer by layer, in shape words.
MLP = Chain[Dense[Literal[8], Literal[16]], Dense[Literal[16], Literal[3]]]


def build_mlp() -> MLP:
    return Chain(Dense(8, 16, relu), Dense(16, 4))  # E: Return layer Chain(Dense(8 => 16, relu), Dense(16 => 4)) does not match the annotation Chain[Dense[8, 16], Dense[16, 3]]: layer 2 out_features is 4, expected 3  [shape]


def build_mlp_fixed() -> MLP:
    return Chain(Dense(8, 16, relu), Dense(16, 3))


def build_any_widths() -> Chain[Dense[int, int], Dense[int, int]]:
    return Chain(Dense(8, 16, relu), Dense(16, 3))


mlp: MLP = Chain(Dense(8, 16, relu), Dense(16, 4))  # E: Assigned layer Chain(Dense(8 => 16, relu), Dense(16 => 4)) does not match the annotation Chain[Dense[8, 16], Dense[16, 3]] of "mlp": layer 2 out_features is 4, expected 3  [shape]
build_mlp()
build_mlp_fixed()
build_any_widths()
