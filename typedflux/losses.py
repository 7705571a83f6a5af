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

import numbers
from typing import Any, Callable, Optional, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.dtypes import checked_array
from typedflux.ops.creation import tensor
from typedflux.ops.elementwise import abs as _abs
from typedflux.ops.elementwise import log, maximum, where
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
    "focal_loss",
    "binary_focal_loss",
    "hinge_loss",
    "squared_hinge_loss",
    "poisson_loss",
    "siamese_contrastive_loss",
    "dice_coeff_loss",
    "tversky_loss",
    "label_smoothing",
]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
Scalar = Tensor[()]
Agg = Callable[[AnyTensor], Any]

_RULES = {
    name: composite_rule(name)
    for name in ("mse", "mae", "huber_loss", "crossentropy", "binarycrossentropy",
                 "logitbinarycrossentropy", "kldivergence", "focal_loss", "binary_focal_loss",
                 "hinge_loss", "squared_hinge_loss", "poisson_loss", "siamese_contrastive_loss",
                 "dice_coeff_loss", "tversky_loss")
}

_LCE_RULE = composite_rule("logitcrossentropy")
_SMOOTH_RULE = composite_rule("label_smoothing")


def _operands(name: str, yhat: Any, y: Any, agg: Any = mean) -> Tuple[AnyTensor, AnyTensor]:
    """Both operands as Tensors (numpy arrays keep their dtype; bool 0/1 targets become
    float32), shapes checked by the rule; ``agg`` checked to be a function."""
    if agg is not mean and agg is not _sum and not callable(agg):
        raise TypeError(
            f"{name}: agg must be a function reducing the losses, such as tf.mean or tf.sum, "
            f"got {type(agg).__name__}"
        )
    p = yhat if isinstance(yhat, Tensor) else _as_tensor(yhat, name, "yhat")
    t = y if isinstance(y, Tensor) else _as_tensor(y, name, "y")
    # (The arrays' dtypes read directly: Tensor.dtype is a property call, and comparing a
    # dtype with np.bool_ converts the type each time; every loss call pays these.)
    if p.data.dtype.kind == "b":
        p = tensor(p.numpy(), dtype=np.float32)
    if t.data.dtype.kind == "b":
        t = tensor(t.numpy(), dtype=np.float32)
    if name in _RULES:
        _RULES[name](p, t)
    return p, t


def _as_tensor(v: Any, fn: str, arg: str) -> AnyTensor:
    # checked_array's errors name the loss and the argument (tensor()'s would say "tensor").
    dtype = v.dtype if isinstance(v, np.ndarray) and v.dtype.kind == "f" else None
    return tensor(checked_array(v, dtype, fn=fn, arg=arg), dtype=dtype)


def _eps(x: AnyTensor, eps: Optional[float], fn: str = "loss") -> float:
    # Flux's epseltype: the machine epsilon of the prediction's float type.
    if eps is not None:
        return _real(fn, "eps", eps, 0.0)
    dt = x.dtype if np.dtype(x.dtype).kind == "f" else np.float32
    return float(np.finfo(dt).eps)


def mse(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Mean squared error: ``agg((yhat - y)^2)``.

    ``mse(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> mse(tf.tensor([[1.0], [3.0]]), tf.tensor([[0.0], [1.0]])).item()
    2.5
    """
    p, t = _operands("mse", yhat, y, agg)
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
    p, t = _operands("mae", yhat, y, agg)
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
    p, t = _operands("huber_loss", yhat, y, agg)
    delta = _real("huber_loss", "delta", delta, 0.0)
    e = _abs(p - t)
    out: Scalar = agg(where(e < delta, 0.5 * e * e, delta * (e - 0.5 * delta)))
    return out


def crossentropy(yhat: Any, y: Any, *, eps: Optional[float] = None, agg: Agg = mean) -> Scalar:
    """Cross-entropy of probabilities ``yhat`` (e.g. a softmax output) against one-hot or
    probability targets ``y``, classes on the last axis:
    ``agg(-sum(y * log(yhat + eps), axis=-1))``; ``eps`` defaults to the machine epsilon of
    ``yhat``'s dtype. Smooth the targets with :func:`label_smoothing`. Prefer
    :func:`logitcrossentropy` on logits (more stable).

    ``crossentropy(yhat: Tensor[*B, C], y: Tensor[*B, C]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(crossentropy(tf.tensor([[0.5, 0.5]]), tf.tensor([[1.0, 0.0]])).item(), 4)
    0.6931
    """
    p, t = _operands("crossentropy", yhat, y, agg)
    out: Scalar = agg(-(t * log(p + _eps(p, eps, "crossentropy"))).sum(axis=-1))
    return out


def logitcrossentropy(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Cross-entropy of logits (unnormalised scores) against one-hot or probability targets,
    classes on the last axis: ``agg(-sum(y * logsoftmax(yhat), axis=-1))``; PyTorch's
    ``cross_entropy`` with probability targets (its class axis is 1, here it is the last);
    its ``label_smoothing=a`` is ``logitcrossentropy(yhat, label_smoothing(y, a))`` here.

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
    p, t = _operands("logitcrossentropy", yhat, y, agg)
    shape = p.data.shape
    if shape and shape[-1] == 0:
        raise ValueError("logitcrossentropy: the class axis (the last) is empty; need at least one class")
    if agg is mean or agg is _sum:
        out: Scalar = p_logitcrossentropy.invoke(p, t, "mean" if agg is mean else "sum")
        return out
    _LCE_RULE(p, t)  # the fused primitive checks its own; this path must too
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
    p, t = _operands("binarycrossentropy", yhat, y, agg)
    e = _eps(p, eps, "binarycrossentropy")
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
    p, t = _operands("logitbinarycrossentropy", yhat, y, agg)
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
    p, t = _operands("kldivergence", yhat, y, agg)
    positive = t > 0
    xlogx = where(positive, t * log(where(positive, t, 1.0)), 0.0)
    entropy = agg(xlogx.sum(axis=-1))
    out: Scalar = entropy + crossentropy(p, t, eps=eps, agg=agg)
    return out


def _real(fn: str, name: str, value: Any, low: float, high: Optional[float] = None,
          open_high: bool = False) -> float:
    """A hyperparameter of a loss as a float, or a clear error naming it."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{fn}: {name} must be a real number, got {value!r}")
    x = float(value)
    if not (x >= low and (high is None or (x < high if open_high else x <= high))):
        bound = f">= {low:g}" if high is None else f"in [{low:g}, {high:g}{')' if open_high else ']'}"
        raise ValueError(f"{fn}: {name} must be {bound}, got {value!r}")
    return x


def _gamma(fn: str, gamma: Any) -> Any:
    # An int stays an int (an integer power, as Flux keeps it), anything else a float >= 0.
    if isinstance(gamma, numbers.Integral) and not isinstance(gamma, bool) and int(gamma) >= 0:
        return int(gamma)
    return _real(fn, "gamma", gamma, 0.0)


def _xlogy(x: AnyTensor, y: AnyTensor) -> AnyTensor:
    # x * log(y), with 0 * log(0) = 0: only where both are 0 does log see a 1 instead (so no
    # nan in the value or the gradients, and d/dx = log(y) wherever y > 0).
    both = (x == 0) * (y == 0)
    out: AnyTensor = x * log(where(both, 1.0, y))
    return out


def focal_loss(
    yhat: Any, y: Any, *, gamma: Any = 2, eps: Optional[float] = None, agg: Agg = mean
) -> Scalar:
    """Focal loss (Lin et al. 2017) of probabilities ``yhat`` (e.g. a softmax output) against
    one-hot targets, classes on the last axis: with ``p = yhat + eps``,
    ``agg(sum(-y * (1 - p)^gamma * log(p), axis=-1))``. It down-weights well-classified
    samples; ``gamma=0`` is :func:`crossentropy`. Flux's ``focal_loss`` (``γ`` is ``gamma``,
    ``dims=1`` is the last axis here).

    ``focal_loss(yhat: Tensor[*B, C], y: Tensor[*B, C]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> p = tf.tensor([[0.9, 0.1], [0.4, 0.6]])
    >>> y = tf.tensor([[1.0, 0.0], [1.0, 0.0]])
    >>> round(focal_loss(p, y).item(), 4)        # ((0.1^2)*0.1054 + (0.6^2)*0.9163) / 2
    0.1655
    """
    p, t = _operands("focal_loss", yhat, y, agg)
    g = _gamma("focal_loss", gamma)
    pe = p + _eps(p, eps, "focal_loss")
    out: Scalar = agg((-t * (1 - pe) ** g * log(pe)).sum(axis=-1))
    return out


def binary_focal_loss(
    yhat: Any, y: Any, *, gamma: Any = 2, eps: Optional[float] = None, agg: Agg = mean
) -> Scalar:
    """Binary focal loss (Lin et al. 2017) of probabilities ``yhat`` in ``[0, 1]`` against
    0/1 targets: with ``p_t = y*(yhat + eps) + (1 - y)*(1 - yhat - eps)``,
    ``agg(-(1 - p_t)^gamma * log(p_t))``; ``gamma=0`` is :func:`binarycrossentropy`. Flux's
    ``binary_focal_loss``. (torchvision's ``sigmoid_focal_loss`` takes logits and an extra
    class weight ``alpha``.)

    ``binary_focal_loss(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(binary_focal_loss(tf.tensor([0.9, 0.3]), tf.tensor([1.0, 0.0])).item(), 4)
    0.0166
    """
    p, t = _operands("binary_focal_loss", yhat, y, agg)
    g = _gamma("binary_focal_loss", gamma)
    pe = p + _eps(p, eps, "binary_focal_loss")
    pt = t * pe + (1 - t) * (1 - pe)
    out: Scalar = agg(-((1 - pt) ** g) * log(pt))
    return out


def hinge_loss(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Hinge loss of scores ``yhat`` against labels ``y`` in ``{-1, 1}`` (support vector
    machines): ``agg(max(0, 1 - yhat * y))``. Flux's ``hinge_loss``; PyTorch has no
    equivalent (its ``HingeEmbeddingLoss`` is a different loss).

    ``hinge_loss(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(hinge_loss(tf.tensor([0.1, 0.3, 1.0, 1.5]), tf.tensor([1.0, -1.0, 1.0, 1.0])).item(), 4)
    0.55
    """
    p, t = _operands("hinge_loss", yhat, y, agg)
    out: Scalar = agg(maximum(1 - p * t, 0.0))
    return out


def squared_hinge_loss(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Squared hinge loss: ``agg(max(0, 1 - yhat * y)^2)``, labels ``y`` in ``{-1, 1}``.
    Flux's ``squared_hinge_loss``.

    ``squared_hinge_loss(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(squared_hinge_loss(tf.tensor([0.1, 0.3, 1.0, 1.5]), tf.tensor([1.0, -1.0, 1.0, 1.0])).item(), 4)
    0.625
    """
    p, t = _operands("squared_hinge_loss", yhat, y, agg)
    h = maximum(1 - p * t, 0.0)
    out: Scalar = agg(h * h)
    return out


def poisson_loss(yhat: Any, y: Any, *, agg: Agg = mean) -> Scalar:
    """Poisson loss of predicted rates ``yhat > 0`` against counts ``y``:
    ``agg(yhat - y * log(yhat))`` (``0 * log(0) = 0``). Flux's ``poisson_loss``; PyTorch's
    ``PoissonNLLLoss(log_input=False, full=False)`` up to its ``eps`` inside the log.

    ``poisson_loss(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(poisson_loss(tf.tensor([1.0, 3.0, 3.0]), tf.tensor([1.0, 2.0, 3.0])).item(), 4)
    0.5023
    """
    p, t = _operands("poisson_loss", yhat, y, agg)
    out: Scalar = agg(p - _xlogy(t, p))
    return out


def siamese_contrastive_loss(yhat: Any, y: Any, *, margin: float = 1.0, agg: Agg = mean) -> Scalar:
    """Contrastive loss (Hadsell, Chopra & LeCun 2006) for siamese networks: ``yhat`` the
    distance between the two embeddings of a pair, ``y`` 1 for a dissimilar pair and 0 for a
    similar one: ``agg((1 - y) * yhat^2 + y * max(0, margin - yhat)^2)``. Flux's
    ``siamese_contrastive_loss``.

    ``siamese_contrastive_loss(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> d = tf.tensor([0.5, 0.25, 2.0])
    >>> siamese_contrastive_loss(d, tf.tensor([0.0, 1.0, 1.0])).item()   # (0.25 + 0.5625 + 0) / 3
    0.2708333432674408
    """
    p, t = _operands("siamese_contrastive_loss", yhat, y, agg)
    m = _real("siamese_contrastive_loss", "margin", margin, 0.0)
    h = maximum(m - p, 0.0)
    out: Scalar = agg((1 - t) * p * p + t * h * h)
    return out


def dice_coeff_loss(yhat: Any, y: Any, *, smooth: float = 1.0) -> Scalar:
    """Dice-coefficient loss (V-Net, Milletari et al. 2016) for segmentation masks, over all
    elements at once: ``1 - (2*sum(yhat*y) + smooth) / (sum(yhat^2) + sum(y^2) + smooth)``.
    Flux's ``dice_coeff_loss`` (no ``agg``: it is a ratio of sums).

    ``dice_coeff_loss(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(dice_coeff_loss(tf.tensor([1.1, 2.1, 3.1]), tf.tensor([1.0, 2.0, 3.0])).item(), 6)
    0.000992
    """
    p, t = _operands("dice_coeff_loss", yhat, y)
    s = _real("dice_coeff_loss", "smooth", smooth, 0.0)
    out: Scalar = 1 - (2 * (p * t).sum() + s) / ((t * t).sum() + (p * p).sum() + s)
    return out


def tversky_loss(yhat: Any, y: Any, *, beta: float = 0.7) -> Scalar:
    """Tversky loss (Salehi et al. 2017) for imbalanced segmentation, over all elements:
    ``1 - (TP + 1) / (TP + (1 - beta)*FP + beta*FN + 1)`` with ``TP = sum(y*yhat)``,
    ``FP = sum((1 - y)*yhat)``, ``FN = sum(y*(1 - yhat))``. A larger ``beta`` weighs false
    negatives more (recall over precision); ``beta=0.5`` weighs both alike (the F1 score).

    This is the definition in Flux's docstring and in the paper; Flux's code weighs ``FP`` by
    ``beta`` and ``FN`` by ``1 - beta`` (its ``tversky_loss(beta=b)`` is this one with
    ``beta=1-b``).

    ``tversky_loss(yhat: Tensor[*S], y: Tensor[*S]) -> Tensor[()]``

    >>> import typedflux as tf
    >>> round(tversky_loss(tf.tensor([0.9, 0.2, 0.6]), tf.tensor([1.0, 0.0, 0.0])).item(), 4)
    0.1403
    """
    p, t = _operands("tversky_loss", yhat, y)
    b = _real("tversky_loss", "beta", beta, 0.0, 1.0)
    tp = (t * p).sum()
    fp = ((1 - t) * p).sum()
    fn = (t * (1 - p)).sum()
    out: Scalar = 1 - (tp + 1) / (tp + (1 - b) * fp + b * fn + 1)
    return out


def label_smoothing(y: Any, alpha: float, *, binary: bool = False) -> AnyTensor:
    """Smoothed targets (Flux's ``label_smoothing``): one-hot targets with the classes on the
    last axis become ``y * (1 - alpha) + alpha / C`` (``C`` classes); with ``binary=True``,
    0/1 targets become ``y * (1 - alpha) + alpha / 2`` (Flux's ``dims=0``). ``0 < alpha < 1``.
    PyTorch's ``cross_entropy(x, y, label_smoothing=a)`` is
    ``logitcrossentropy(x, label_smoothing(y, a))``.

    ``label_smoothing(y: Tensor[*S], alpha) -> Tensor[*S]``

    >>> import typedflux as tf
    >>> label_smoothing(tf.onehot([0, 2], 3), 0.3).numpy()
    array([[0.8, 0.1, 0.1],
           [0.1, 0.1, 0.8]], dtype=float32)
    >>> label_smoothing(tf.tensor([1.0, 0.0]), 0.2, binary=True).numpy().round(6)
    array([0.9, 0.1], dtype=float32)
    """
    t = y if isinstance(y, Tensor) else _as_tensor(y, "label_smoothing", "y")
    a = _real("label_smoothing", "alpha", alpha, 0.0, 1.0, open_high=True)
    if a == 0.0:
        raise ValueError("label_smoothing: alpha must be in (0, 1), got 0.0 (0 smooths nothing)")
    if not isinstance(binary, (bool, np.bool_)):
        raise TypeError(f"label_smoothing: binary must be True or False, got {binary!r}")
    _SMOOTH_RULE(t, binary)
    if t.dtype.kind not in "fc":
        t = t * 1.0
    # An empty last axis has no classes to share alpha between (its result is empty anyway).
    out: AnyTensor = t * (1 - a) + a / (2 if binary else max(t.shape[-1], 1))
    return out

