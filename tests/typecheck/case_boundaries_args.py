"""Arguments against parameter annotations, however they are passed: `[shape]` errors.

Positional and keyword arguments, `*args`/`**kwargs` parameters, `**params` unpacked into
named parameters, tensors in a list or tuple parameter, an overloaded function, a generic class's `__call__` and a method; each
bug with its fix. `@tf.shapecheck` on the callees raises the same words at run time.
"""

from typing import Dict, Generic, List, Optional, Tuple, TypeVar, overload

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
C = TypeVar("C", bound=int)
T = TypeVar("T", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


@tf.shapecheck
def train_step(x: Tensor[B, 784], y: Tensor[B, 10], lr: float = 0.1) -> Tensor[()]:
    return ((x[:, :10] - y) ** 2).mean() * lr


xb, yb = tf.randn(64, 784), tf.zeros(64, 10)
loss = train_step(y=tf.zeros(64, 9), x=xb)  # E: Argument "y" of "train_step" has shape Tensor[64, 9], which does not match the annotation Tensor[B, 10]: axis 1 is 9, expected 10  [shape]  # N: B=64
loss_fixed = train_step(y=yb, x=xb)
loss_batch = train_step(xb, tf.zeros(32, 10), lr=0.01)  # E: Dim "B" differs for "train_step": argument "x" gives B = 64, argument "y" gives B = 32; need one size for B (64 vs 32)  [shape]  # N: B=64


@tf.shapecheck
def log_activations(step: int, **named: Tensor[B, 10]) -> int:
    return len(named)


log_activations(1, logits=tf.zeros(8, 10), probs=tf.zeros(8, 11))  # E: Argument "probs" of "log_activations" has shape Tensor[8, 11], which does not match the annotation Tensor[B, 10]: axis 1 is 11, expected 10  [shape]  # N: B=8
log_activations(1, logits=tf.zeros(8, 10), probs=tf.zeros(8, 10))


@tf.shapecheck
def ensemble(*members: Tensor[B, 10]) -> Tensor[B, 10]:
    return tf.add(*members)


votes = ensemble(tf.zeros(8, 10), tf.zeros(8, 10), tf.zeros(10, 8))  # E: Dim "B" differs for "ensemble": argument "members[0]" gives B = 8, argument "members[2]" gives B = 10; need one size for B (8 vs 10)  [shape]  # N: B=8
votes_fixed = ensemble(tf.zeros(8, 10), tf.zeros(8, 10), tf.zeros(10, 8).T)


@tf.shapecheck
def affine(x: Tensor[B, 784], weight: Tensor[784, 10], bias: Tensor[10]) -> Tensor[B, 10]:
    return x @ weight + bias


params: Dict[str, Tensor[10, 784]] = {"weight": tf.zeros(10, 784)}
scores = affine(xb, **params, bias=tf.zeros(10))  # E: Argument "weight" of "affine" has shape Tensor[10, 784], which does not match the annotation Tensor[784, 10]: axis 0 is 10, expected 784  [shape]  # N: B=64
params_fixed: Dict[str, Tensor[784, 10]] = {"weight": tf.zeros(784, 10)}
scores_fixed = affine(xb, **params_fixed, bias=tf.zeros(10))


@tf.shapecheck
def fuse(features: List[Tensor[B, 64]], pair: Tuple[Tensor[B, 3], Tensor[B, 5]]) -> Tensor[B, 64]:
    return tf.add(*features)


fused = fuse([tf.zeros(8, 64), tf.zeros(8, 32)], (tf.zeros(8, 3), tf.zeros(8, 5)))  # E: Argument "features[1]" of "fuse" has shape Tensor[8, 32], which does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]  # N: B=8
fused_pair = fuse([tf.zeros(8, 64)], (tf.zeros(8, 3), tf.zeros(8, 3)))  # E: Argument "pair[1]" of "fuse" has shape Tensor[8, 3], which does not match the annotation Tensor[B, 5]: axis 1 is 3, expected 5  [shape]  # N: B=8
fused_fixed = fuse([tf.zeros(8, 64), tf.zeros(8, 64)], (tf.zeros(8, 3), tf.zeros(8, 5)))


# -- an overloaded function: images or sequences --------------------------------------------------
@overload
def global_pool(x: Tensor[B, C, H, W]) -> Tensor[B, C]: ...
@overload
def global_pool(x: Tensor[B, T, C]) -> Tensor[B, C]: ...
@tf.shapecheck
def global_pool(x: Tensor) -> Tensor:
    return x.mean(axis=tuple(range(2, x.ndim))) if x.ndim == 4 else x.mean(axis=1)


pooled = global_pool(tf.zeros(8, 64))  # E: No overload of "global_pool" takes these shapes: overload 1: argument "x" has shape Tensor[8, 64], expected Tensor[B, C, H, W] (rank is 2, expected 4); overload 2: argument "x" has shape Tensor[8, 64], expected Tensor[B, T, C] (rank is 2, expected 3)  [shape]
pooled_fixed = global_pool(tf.zeros(8, 5, 64))


# -- a generic layer: its dims are its type's -----------------------------------------------------
class Linear(Generic[I, O]):
    weight: Tensor[O, I]

    def __init__(self, weight: Tensor[O, I]) -> None:
        self.weight = weight

    @tf.shapecheck
    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.weight.T

    @tf.shapecheck
    def backward(self, grad: Tensor[B, O]) -> Tensor[B, I]:
        return grad @ self.weight


layer = Linear(tf.randn(10, 784))
out = layer(tf.zeros(64, 700))  # E: Argument "x" of "Linear.__call__" has shape Tensor[64, 700], which does not match the annotation Tensor[B, 784]: axis 1 is 700, expected 784  [shape]  # N: B=64
out_fixed = layer(xb)
grad = layer.backward(grad=tf.zeros(64, 784))  # E: Argument "grad" of "Linear.backward" has shape Tensor[64, 784], which does not match the annotation Tensor[B, 10]: axis 1 is 784, expected 10  [shape]  # N: B=64
grad_fixed = layer.backward(grad=tf.zeros(64, 10))


# -- symbolic callers ---------------------------------------------------------------------------
@tf.shapecheck
def step_on(x: Tensor[N, 784], y: Tensor[N, 9]) -> Tensor[()]:
    return train_step(x, y=y)  # E: Argument "y" of "train_step" has shape Tensor[N, 9], which does not match the annotation Tensor[B, 10]: axis 1 is 9, expected 10  [shape]  # N: B=N


@tf.shapecheck
def step_on_fixed(x: Tensor[N, 784], y: Tensor[N, 10]) -> Tensor[()]:
    return train_step(x, y=y)


@tf.shapecheck
def apply(layer: Linear[I, O], x: Tensor[N, O]) -> Tensor[N, O]:
    return layer(x)  # E: Argument "x" of "Linear.__call__" has shape Tensor[N, O], which does not match the annotation Tensor[B, I]: axis 1 is O, expected I  [shape]  # N: B=N


step_on(tf.zeros(5, 784), tf.zeros(5, 9))
step_on_fixed(tf.zeros(5, 784), tf.zeros(5, 10))
apply(layer, tf.zeros(5, 10))


# -- an Optional tensor parameter: checked when a tensor is given --------------------------------
@tf.shapecheck
def masked(scores: Tensor[B, T, T], mask: Optional[Tensor[T, T]] = None) -> Tensor[B, T, T]:
    return scores if mask is None else tf.where(mask > 0, scores, -1e9)


masked(tf.zeros(2, 4, 4))
masked(tf.zeros(2, 4, 4), tf.ones(4, 4))
masked(tf.zeros(2, 4, 4), mask=tf.ones(5, 5))  # E: Dim "T" differs for "masked": argument "scores" gives T = 4, argument "mask" gives T = 5; need one size for T (4 vs 5)  [shape]  # N: B=2, T=4
