"""Activation primitives and the fused, numerically stable softmax / logsoftmax / logsumexp.

>>> import typedflux as tf
>>> tf.softmax(tf.tensor([0.0, 0.0])).numpy()
array([0.5, 0.5], dtype=float32)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, List, Tuple, TypeVar, Union

import numpy as np
from typing_extensions import Unpack

from typedflux.dtypes import floating
from typedflux.engine.operands import real_param
from typedflux.ops.examples import normal, rng, separated, unary
from typedflux.ops.registry import Primitive, primitive
from typedflux.tensor import Tensor, TensorLike

__all__ = [
    "identity",
    "tanh",
    "sigmoid",
    "relu",
    "gelu",
    "swish",
    "softplus",
    "leakyrelu",
    "elu",
    "softmax",
    "logsoftmax",
    "logsumexp",
]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
T = TypeVar("T")
Axis = Union[None, int, Tuple[int, ...]]


def _sigmoid(x: Any) -> Any:
    # tanh form: no overflow for large |x|, unlike 1 / (1 + exp(-x)).
    return 0.5 * (1.0 + np.tanh(0.5 * x))


p_tanh: Primitive = primitive("tanh")(np.tanh)
p_tanh.examples(unary)


@p_tanh.vjp
def _tanh_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    # g - g*out*out rather than g * (1 - out*out): array-array ufuncs only (numpy's path for
    # a Python number costs twice as much on small arrays).
    return (g - g * out * out,)


p_sigmoid: Primitive = primitive("sigmoid")(_sigmoid)
p_sigmoid.examples(unary)


@p_sigmoid.vjp
def _sigmoid_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (g * (out - out * out),)


def _relu_forward(x: Any) -> Any:
    return np.maximum(x, 0)


p_relu: Primitive = primitive("relu")(_relu_forward)
p_relu.examples(lambda: unary(separated))


@p_relu.vjp
def _relu_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (np.where(x > 0, g, 0),)  # 0 at 0, as in Flux and PyTorch


_GELU_C = math.sqrt(2.0 / math.pi)


def _gelu_forward(x: Any) -> Any:
    # The tanh approximation (Flux's default gelu): 0.5 x (1 + tanh(c (x + 0.044715 x^3))).
    return 0.5 * x * (1.0 + np.tanh(_GELU_C * (x + 0.044715 * x * x * x)))


p_gelu: Primitive = primitive("gelu")(_gelu_forward)
p_gelu.examples(unary)


@p_gelu.vjp
def _gelu_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    x2 = x * x
    t = np.tanh(_GELU_C * (x + 0.044715 * x2 * x))
    d = 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * _GELU_C * (1.0 + 3 * 0.044715 * x2)
    return (g * d,)


def _swish_forward(x: Any) -> Any:
    return x * _sigmoid(x)


p_swish: Primitive = primitive("swish")(_swish_forward)
p_swish.examples(unary)


@p_swish.vjp
def _swish_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    s = _sigmoid(x)
    return (g * (s + out * (1 - s)),)  # d(x s)/dx = s + x s (1 - s)


def _softplus_forward(x: Any) -> Any:
    return np.logaddexp(x, 0)  # log(1 + e^x) without overflow


p_softplus: Primitive = primitive("softplus")(_softplus_forward)
p_softplus.examples(unary)


@p_softplus.vjp
def _softplus_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (g * _sigmoid(x),)


def _leakyrelu_forward(x: Any, a: float) -> Any:
    return np.where(x > 0, x, real_param(a, "leakyrelu", "a") * x)


p_leakyrelu: Primitive = primitive("leakyrelu")(_leakyrelu_forward)


@p_leakyrelu.vjp
def _leakyrelu_vjp(g: Any, out: Any, x: Any, a: float) -> Tuple[Any, ...]:
    return (np.where(x > 0, g, a * g),)


@p_leakyrelu.examples
def _leakyrelu_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [(separated((3, 2), r), 0.01), (separated((4,), r), 0.2)]


def _elu_forward(x: Any, alpha: float) -> Any:
    x = floating(x)  # not float16 from bools or small integers
    # expm1 of min(x, 0): the positive branch never overflows in the unused half.
    return np.where(x > 0, x, real_param(alpha, "elu", "alpha") * np.expm1(np.minimum(x, 0)))


p_elu: Primitive = primitive("elu")(_elu_forward)


@p_elu.vjp
def _elu_vjp(g: Any, out: Any, x: Any, alpha: float) -> Tuple[Any, ...]:
    return (np.where(x > 0, g, g * (out + alpha)),)


@p_elu.examples
def _elu_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [(separated((3, 2), r), 1.0), (separated((4,), r), 0.5)]


# -- softmax family (fused: one forward, one hand-written VJP) -----------------------------------
def _shifted(x: Any, axis: Any) -> Any:
    # Integers as floats: an unsigned x - max would wrap around, small ones give float16.
    x = floating(x)
    if x.size == 0:
        # No maximum to shift by; the sum of no exponentials is 0, so an empty logsumexp is
        # -inf (as torch's). The empty sum is zeros of the reduced shape: a shift of 0.
        m = np.sum(x, axis=axis, keepdims=True)
        return x - m, m
    m = np.max(x, axis=axis, keepdims=True)
    # A row of -inf (fully masked) would give inf - inf; shift it by 0 instead.
    m = np.where(np.isfinite(m), m, 0)
    return x - m, m


def _softmax_forward(x: Any, axis: int) -> Any:
    z, _ = _shifted(x, axis)
    e = np.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)


p_softmax: Primitive = primitive("softmax")(_softmax_forward)


@p_softmax.vjp
def _softmax_vjp(g: Any, out: Any, x: Any, axis: int) -> Tuple[Any, ...]:
    go = g * out
    return (go - out * np.sum(go, axis=axis, keepdims=True),)


@p_softmax.examples
def _softmax_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [(normal((3, 4), r), -1), (normal((3, 4), r), 0), (normal((2, 3, 4), r), 1)]


def _logsoftmax_forward(x: Any, axis: int) -> Any:
    z, _ = _shifted(x, axis)
    return z - np.log(np.sum(np.exp(z), axis=axis, keepdims=True))


p_logsoftmax: Primitive = primitive("logsoftmax")(_logsoftmax_forward)


@p_logsoftmax.vjp
def _logsoftmax_vjp(g: Any, out: Any, x: Any, axis: int) -> Tuple[Any, ...]:
    return (g - np.exp(out) * np.sum(g, axis=axis, keepdims=True),)


p_logsoftmax.examples(_softmax_examples)


def _keep(v: Any, ndim: int, axis: Axis, keepdims: bool) -> Any:
    """A reduction's output (or its gradient) with the reduced axes put back as size 1."""
    if keepdims:
        return v
    if axis is None:
        return np.reshape(v, (1,) * ndim)
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    return np.expand_dims(v, tuple(a % ndim for a in axes)) if axes else v


def _logsumexp_forward(x: Any, axis: Axis, keepdims: bool) -> Any:
    z, m = _shifted(x, axis)
    with np.errstate(divide="ignore"):  # an all -inf slice has logsumexp -inf, by design
        out = np.log(np.sum(np.exp(z), axis=axis, keepdims=True)) + m
    if not keepdims:
        out = np.squeeze(out, axis=axis) if axis is not None else out.reshape(())
    return out


p_logsumexp: Primitive = primitive("logsumexp")(_logsumexp_forward)


@p_logsumexp.vjp
def _logsumexp_vjp(g: Any, out: Any, x: Any, axis: Axis, keepdims: bool) -> Tuple[Any, ...]:
    n = np.ndim(x)
    return (_keep(g, n, axis, keepdims) * np.exp(x - _keep(out, n, axis, keepdims)),)


@p_logsumexp.examples
def _logsumexp_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [
        (normal((3, 4), r), None, False),
        (normal((3, 4), r), 1, True),
        (normal((3, 4), r), 0, False),
        (normal((2, 3, 4), r), (0, 2), False),
        (normal((2, 3, 4), r), (-1,), True),
    ]


# -- public functions ------------------------------------------------------------------------
def identity(x: T) -> T:
    """``identity(x) = x``: the default activation of layers.

    >>> identity(3)
    3
    """
    return x


def tanh(x: TensorLike) -> AnyTensor:
    """``tanh(Tensor[*X]) -> Tensor[*X]``: hyperbolic tangent.

    >>> import typedflux as tf
    >>> tf.tanh(tf.zeros(2))
    Tensor[2] float32
    [0. 0.]
    """
    return p_tanh.invoke(x)


def sigmoid(x: TensorLike) -> AnyTensor:
    """``sigmoid(Tensor[*X]) -> Tensor[*X]``: ``1 / (1 + exp(-x))``, computed without
    overflow.

    >>> import typedflux as tf
    >>> tf.sigmoid(tf.zeros(2))
    Tensor[2] float32
    [0.5 0.5]
    """
    return p_sigmoid.invoke(x)


def relu(x: TensorLike) -> AnyTensor:
    """``relu(Tensor[*X]) -> Tensor[*X]``: ``max(x, 0)`` (gradient 0 at 0).

    >>> import typedflux as tf
    >>> tf.relu(tf.tensor([-1.0, 2.0]))
    Tensor[2] float32
    [0. 2.]
    """
    return p_relu.invoke(x)


def gelu(x: TensorLike) -> AnyTensor:
    """``gelu(Tensor[*X]) -> Tensor[*X]``: ``0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))``
    (the tanh approximation, as Flux's ``gelu``).

    >>> import typedflux as tf
    >>> round(tf.gelu(tf.tensor(1.0)).item(), 4)
    0.8412
    """
    return p_gelu.invoke(x)


def swish(x: TensorLike) -> AnyTensor:
    """``swish(Tensor[*X]) -> Tensor[*X]``: ``x * sigmoid(x)``.

    >>> import typedflux as tf
    >>> tf.swish(tf.zeros(1))
    Tensor[1] float32
    [0.]
    """
    return p_swish.invoke(x)


def softplus(x: TensorLike) -> AnyTensor:
    """``softplus(Tensor[*X]) -> Tensor[*X]``: ``log(1 + exp(x))``, computed without overflow.

    >>> import typedflux as tf
    >>> round(tf.softplus(tf.zeros(1)).item(), 4)
    0.6931
    """
    return p_softplus.invoke(x)


def leakyrelu(x: TensorLike, a: float = 0.01) -> AnyTensor:
    """``leakyrelu(Tensor[*X], a=0.01) -> Tensor[*X]``: ``x`` if ``x > 0`` else ``a * x``.

    >>> import typedflux as tf
    >>> tf.leakyrelu(tf.tensor([-100.0, 2.0]))
    Tensor[2] float32
    [-1.  2.]
    """
    return p_leakyrelu.invoke(x, a)


def elu(x: TensorLike, alpha: float = 1.0) -> AnyTensor:
    """``elu(Tensor[*X], alpha=1) -> Tensor[*X]``: ``x`` if ``x > 0`` else
    ``alpha * (exp(x) - 1)``.

    >>> import typedflux as tf
    >>> tf.elu(tf.tensor([0.0, 2.0]))
    Tensor[2] float32
    [0. 2.]
    """
    return p_elu.invoke(x, alpha)


def softmax(x: TensorLike, axis: int = -1) -> AnyTensor:
    """``softmax(Tensor[*X], axis=-1) -> Tensor[*X]``: ``exp(x) / sum(exp(x), axis)``,
    shifted by the maximum for stability; one fused op with a hand-written VJP.

    >>> import typedflux as tf
    >>> tf.softmax(tf.tensor([[1.0, 1.0], [0.0, 1000.0]]))
    Tensor[2, 2] float32
    [[0.5 0.5]
     [0.  1. ]]
    """
    return p_softmax.invoke(x, axis)


def logsoftmax(x: TensorLike, axis: int = -1) -> AnyTensor:
    """``logsoftmax(Tensor[*X], axis=-1) -> Tensor[*X]``: ``x - logsumexp(x, axis)``, stable.

    >>> import typedflux as tf
    >>> tf.logsoftmax(tf.tensor([0.0, 0.0])).numpy().round(4)
    array([-0.6931, -0.6931], dtype=float32)
    """
    return p_logsoftmax.invoke(x, axis)


def logsumexp(x: TensorLike, axis: Axis = None, keepdims: bool = False) -> AnyTensor:
    """``logsumexp(x, axis=None, keepdims=False)``: ``log(sum(exp(x), axis))`` without
    overflow.

    >>> import typedflux as tf
    >>> round(tf.logsumexp(tf.tensor([1000.0, 1000.0])).item(), 2)
    1000.69
    """
    return p_logsumexp.invoke(x, axis, keepdims)


# The unary activations above as their primitives' entry points themselves (Primitive.public:
# a Python frame less per call, the same name, docstring and signature); mypy reads the defs.
if not TYPE_CHECKING:
    tanh, sigmoid, relu, gelu, swish, softplus = (
        p.public(f) for p, f in ((p_tanh, tanh), (p_sigmoid, sigmoid), (p_relu, relu),
                                 (p_gelu, gelu), (p_swish, swish), (p_softplus, softplus)))
