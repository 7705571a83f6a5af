"""Loss functions (``tf.losses``, Flux's names): prediction first, target second, mean by
default, a scalar ``Tensor[()]`` out.

Prediction and target shapes must match exactly: a ``Tensor[N, 1]`` prediction against a
``Tensor[N]`` target is a ``ShapeError`` (mypy reports it too), never a silent broadcast.
Class-axis losses (``crossentropy``, ``logitcrossentropy``, ``kldivergence``) take the
classes on the LAST axis and one-hot (or probability) targets, e.g. from ``tf.onehot``.

``agg`` reduces the per-element (or per-sample) losses: ``tf.mean`` (the default),
``tf.sum``, or any function; ``agg=lambda l: l`` keeps them unreduced (the static checker
assumes a reduction to ``Tensor[()]``).

>>> import typedflux as tf
>>> from typedflux import losses
>>> losses.mse(tf.tensor([1.0, 2.0]), tf.tensor([1.0, 4.0])).item()
2.0
>>> losses.mse(tf.zeros(4, 1), tf.zeros(4))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: Shapes differ for "mse": prediction has Tensor[4, 1], target has Tensor[4]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[4, 1] or squeeze the prediction
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.ops.creation import tensor
from typedflux.ops.elementwise import abs as _abs
from typedflux.ops.elementwise import log, where
from typedflux.ops.losses_nn import p_logitcrossentropy
from typedflux.ops.nn import logsoftmax, softplus
from typedflux.ops.reduce import mean, sum as _sum
from typedflux.ops.registry import composite_rule
from typedflux.tensor import Tensor

__all__ = [
    "mse",
    "mae",
    "huber_loss",
    "crossentropy",
    "logitcrossentropy",
    "binarycrossentropy",
    "logitbinarycrossentropy",
    "kldivergence",
]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
Scalar = Tensor[()]
Agg = Callable[[AnyTensor], Any]

_RULES = {
    name: composite_rule(name)
    for name in ("mse", "mae", "huber_loss", "crossentropy", "binarycrossentropy",
                 "logitbinarycrossentropy", "kldivergence")
}

_LCE_RULE = composite_rule("logitcrossentropy")


def _operands(name: str, yhat: Any, y: Any) -> Tuple[AnyTensor, AnyTensor]:
    """Both operands as Tensors (numpy arrays keep their dtype), shapes checked by the rule."""
    p = yhat if isinstance(yhat, Tensor) else _as_tensor(yhat)
    t = y if isinstance(y, Tensor) else _as_tensor(y)
    if name in _RULES:
        _RULES[name](p.shape, t.shape)
    return p, t


def _as_tensor(v: Any) -> AnyTensor:
    if isinstance(v, np.ndarray):
        return tensor(v, dtype=v.dtype if v.dtype.kind == "f" else None)
    return tensor(v)


def _eps(x: AnyTensor, eps: Optional[float]) -> float:
    # Flux's epseltype: the machine epsilon of the prediction's float type.
    if eps is not None:
        return eps
    dt = x.dtype if np.dtype(x.dtype).kind == "f" else np.float32
    return float(np.finfo(dt).eps)


def mse(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Mean squared error: ``agg((yhat - y)^2)``.

    ``mse(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> mse(tf.tensor([[1.0], [3.0]]), tf.tensor([[0.0], [1.0]])).item()
    2.5
    """
    p, t = _operands("mse", yhat, y)
    d = p - t
    out: Scalar = agg(d * d)
    return out


def mae(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Mean absolute error: ``agg(|yhat - y|)``.

    ``mae(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> mae(tf.tensor([1.0, -1.0]), tf.tensor([0.0, 1.0])).item()
    1.5
    """
    p, t = _operands("mae", yhat, y)
    out: Scalar = agg(_abs(p - t))
    return out


def huber_loss(yhat: Any, y: Any, *, delta: float = 1.0, agg: Agg = mean) -> Scalar:
    """Huber loss: with ``e = |yhat - y|``, ``agg(0.5*e^2 if e < delta else
    delta*(e - 0.5*delta))`` (quadratic near 0, linear beyond ``delta``).

    ``huber_loss(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> huber_loss(tf.tensor([0.5, 3.0]), tf.tensor([0.0, 0.0])).item()   # (0.125 + 2.5) / 2
    1.3125
    """
    p, t = _operands("huber_loss", yhat, y)
    e = _abs(p - t)
    out: Scalar = agg(where(e < delta, 0.5 * e * e, delta * (e - 0.5 * delta)))
    return out


def crossentropy(yhat: Any, y: Any, *, eps: Optional[float] = None, agg: Agg = mean) -> Scalar:
    """Cross-entropy of probabilities ``yhat`` (e.g. a softmax output) against one-hot or
    probability targets ``y``, classes on the last axis:
    ``agg(-sum(y * log(yhat + eps), axis=-1))``; ``eps`` defaults to the machine epsilon of
    ``yhat``'s dtype. Prefer :func:`logitcrossentropy` on logits (more stable).

    ``crossentropy(yhat: Tensor[*B, C], y: Tensor[*B, C]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(crossentropy(tf.tensor([[0.5, 0.5]]), tf.tensor([[1.0, 0.0]])).item(), 4)
    0.6931
    """
    p, t = _operands("crossentropy", yhat, y)
    out: Scalar = agg(-(t * log(p + _eps(p, eps))).sum(axis=-1))
    return out


def logitcrossentropy(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Cross-entropy of logits (unnormalised scores) against one-hot or probability targets,
    classes on the last axis: ``agg(-sum(y * logsoftmax(yhat), axis=-1))``.

    One fused, numerically stable primitive with a hand-written VJP when ``agg`` is
    ``tf.mean`` or ``tf.sum``; other ``agg`` functions get the composed version.

    ``logitcrossentropy(yhat: Tensor[*B, C], y: Tensor[*B, C]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> y = tf.onehot([0, 2], 3)
    >>> round(logitcrossentropy(tf.tensor([[4.0, 0.0, 0.0], [0.0, 0.0, 0.0]]), y).item(), 4)
    0.5673
    >>> logitcrossentropy(tf.tensor([[1e4, -1e4]]), tf.tensor([[0.0, 1.0]])).item()  # no overflow
    20000.0
    """
    p, t = _operands("logitcrossentropy", yhat, y)
    if agg is mean or agg is _sum:
        out: Scalar = p_logitcrossentropy.invoke(p, t, "mean" if agg is mean else "sum")
        return out
    _LCE_RULE(p.shape, t.shape)  # the fused primitive checks its own; this path must too
    out = agg(-(t * logsoftmax(p)).sum(axis=-1))
    return out


def binarycrossentropy(
    yhat: Any, y: Any, *, eps: Optional[float] = None, agg: Agg = mean
) -> Scalar:
    """Binary cross-entropy of probabilities ``yhat`` in ``[0, 1]`` (e.g. a sigmoid output)
    against targets ``y`` in ``[0, 1]``:
    ``agg(-y*log(yhat + eps) - (1 - y)*log(1 - yhat + eps))``. Prefer
    :func:`logitbinarycrossentropy` on logits (more stable).

    ``binarycrossentropy(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(binarycrossentropy(tf.tensor([0.9, 0.2]), tf.tensor([1.0, 0.0])).item(), 4)
    0.1643
    """
    p, t = _operands("binarycrossentropy", yhat, y)
    e = _eps(p, eps)
    out: Scalar = agg(-(t * log(p + e)) - (1 - t) * log(1 - p + e))
    return out


def logitbinarycrossentropy(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Binary cross-entropy of logits: ``binarycrossentropy(sigmoid(yhat), y)`` computed
    stably as ``agg((1 - y)*yhat + softplus(-yhat))``.

    ``logitbinarycrossentropy(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(logitbinarycrossentropy(tf.tensor([2.0, -1.0]), tf.tensor([1.0, 0.0])).item(), 4)
    0.2201
    >>> logitbinarycrossentropy(tf.tensor([-1000.0]), tf.tensor([1.0])).item()  # no overflow
    1000.0
    """
    p, t = _operands("logitbinarycrossentropy", yhat, y)
    out: Scalar = agg((1 - t) * p + softplus(-p))
    return out


def kldivergence(yhat: Any, y: Any, *, eps: Optional[float] = None, agg: Agg = mean) -> Scalar:
    """Kullback-Leibler divergence of the target distribution ``y`` from the predicted
    probabilities ``yhat`` (classes on the last axis): ``entropy + crossentropy`` with
    ``entropy = agg(sum(y*log(y), axis=-1))`` (``0*log(0) = 0``). Zero when ``yhat == y``.

    ``kldivergence(yhat: Tensor[*B, C], y: Tensor[*B, C]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> p = tf.tensor([[0.25, 0.75]])
    >>> abs(kldivergence(p, p).item()) < 1e-6
    True
    """
    p, t = _operands("kldivergence", yhat, y)
    positive = t > 0
    xlogx = where(positive, t * log(where(positive, t, 1.0)), 0.0)
    entropy = agg(xlogx.sum(axis=-1))
    out: Scalar = entropy + crossentropy(p, t, eps=eps, agg=agg)
    return out
