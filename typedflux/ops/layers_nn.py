"""Fused layer primitives: conv2d, conv_transpose2d, pools, norms and whole-sequence
RNN/LSTM/GRU, each a forward and a hand-written VJP side by side (dense, dropout and
embedding, the primitives of ``layers/basic.py``, are in :mod:`typedflux.ops.basic_nn`).

The maths lives in :mod:`typedflux.ops.kernels` (one module per family); here each kernel is
bound to its spec (``typedflux/shapes/rules_layers.py``) so the registry runs the shape rule
first and the gradient check covers it. Work a VJP can reuse (conv's im2col buffer, maxpool's argmax, the
LSTM/GRU gates) is kept only while a tape records, keyed by the output array and dropped
with it; a VJP that finds nothing saved recomputes it.

>>> import typedflux as tf
>>> maxpool2d(tf.ones(1, 1, 4, 4), (2, 2)).shape
(1, 1, 2, 2)
"""

from __future__ import annotations

import functools
import weakref
from typing import Any, Dict, List, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.engine.tape import _ACTIVE, id_on
from typedflux.ops.kernels.conv import (
    conv2d_backward, conv2d_forward, conv_transpose2d_backward, conv_transpose2d_forward,
)
from typedflux.ops.kernels.norm import (
    batchnorm_backward, batchnorm_forward, layernorm_backward, layernorm_forward,
)
from typedflux.ops.kernels.pool import (
    maxpool2d_backward, maxpool2d_forward, meanpool2d_backward, meanpool2d_forward,
)
from typedflux.ops.kernels.recurrent import (
    gru_backward, gru_forward, lstm_backward, lstm_forward, rnn_backward, rnn_forward,
)
from typedflux.ops.registry import Primitive, primitive
from typedflux.tensor import Tensor

__all__ = [
    "conv2d",
    "conv_transpose2d",
    "maxpool2d",
    "meanpool2d",
    "batchnorm",
    "layernorm",
    "rnn_sequence",
    "lstm_sequence",
    "gru_sequence",
    "FUSED_ACTIVATIONS",
    "needs_grad",
]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
Args = List[Tuple[Any, ...]]

FUSED_ACTIVATIONS = ("identity", "relu", "tanh", "sigmoid")

# id(output array) -> (weak reference to the array, what its VJP can reuse). Entries are
# made only while a tape records and go when the output array is collected (the weak
# reference's callback: a tenth of weakref.finalize's cost), so an id is never read for a
# different array.
_SAVED: Dict[int, Tuple[Any, Any]] = {}


def _unsave(key: int, ref: Any, saved: Dict[int, Tuple[Any, Any]] = _SAVED) -> None:
    # (The table is bound as a default: at interpreter exit, module globals may be gone.)
    entry = saved.get(key)
    if entry is not None and entry[0] is ref:
        del saved[key]


def _save(out: np.ndarray[Any, Any], value: Any) -> None:
    if _ACTIVE.get() is not None:
        key = id(out)
        _SAVED[key] = (weakref.ref(out, functools.partial(_unsave, key)), value)


def _saved(out: np.ndarray[Any, Any]) -> Any:
    # Taken, not just read: a tape runs each node's VJP once, and whoever keeps the output
    # (a loss value, a layer's activations) must not keep the VJP's buffers alive with it.
    entry = _SAVED.pop(id(out), None)
    return None if entry is None else entry[1]


def needs_grad(x: Any) -> bool:
    """Whether the active tape tracks ``x`` (the registry's own test for recording an
    input), i.e. whether a VJP must compute a gradient for it.

    >>> import typedflux as tf
    >>> needs_grad(tf.ones(2))
    False
    """
    tape = _ACTIVE.get()
    return tape is not None and isinstance(x, Tensor) and (x._tape is tape or id_on(tape, x) >= 0)


def _bias(b: Any) -> Any:
    # A layer without a bias passes the number 0.0: no array to add, no gradient to return.
    return b if isinstance(b, np.ndarray) else None


def _p2(v: Any) -> Tuple[int, int]:
    if isinstance(v, (int, np.integer)):
        return (int(v), int(v))
    t = tuple(v)
    return (t[0], t[0]) if len(t) == 1 else (t[0], t[1])


_rng = np.random.default_rng(1234)


def _randn(*shape: int) -> np.ndarray[Any, Any]:
    return _rng.standard_normal(shape)


# -- conv2d --------------------------------------------------------------------------------------


@primitive("conv2d")
def p_conv2d(
    x: Any, w: Any, b: Any, stride: Any, pad: Any, dilation: Any, activation: str,
    grad_x: bool,
) -> Any:
    out, cols = conv2d_forward(x, w, _bias(b), _p2(stride), _p2(pad), _p2(dilation),
                                 activation)
    _save(out, cols)
    return out


@p_conv2d.vjp
def _conv2d_vjp(
    g: Any, out: Any, x: Any, w: Any, b: Any, stride: Any, pad: Any, dilation: Any,
    activation: str, grad_x: bool,
) -> Tuple[Any, ...]:
    s, p, d = _p2(stride), _p2(pad), _p2(dilation)
    cols = _saved(out)
    if cols is None:
        cols = conv2d_forward(x, w, None, s, p, d)[1]
    gx, gw, gb = conv2d_backward(g, cols, x.shape, w, s, p, d, out, activation, grad_x)
    return gx, gw, (gb if _bias(b) is not None else None)


@p_conv2d.examples
def _conv2d_examples() -> Args:
    return [
        (_randn(2, 3, 5, 5), _randn(4, 3, 3, 3), _randn(4), (1, 1), (0, 0), (1, 1),
         "identity", True),
        (_randn(1, 2, 7, 6), _randn(3, 2, 3, 2), 0.0, (2, 1), (1, 1), (2, 1), "tanh", True),
        (_randn(2, 2, 5, 5), _randn(3, 2, 3, 3), _randn(3), (1, 1), (1, 1), (1, 1),
         "sigmoid", True),
        (Tensor(_randn(2, 2, 5, 5), np.float64), _randn(3, 2, 3, 3), _randn(3), (1, 1),
         (0, 0), (1, 1), "relu", False),
    ]


def conv2d(
    x: Any, w: Any, b: Any = 0.0, stride: Any = (1, 1), pad: Any = (0, 0),
    dilation: Any = (1, 1), activation: str = "identity",
) -> AnyTensor:
    """Cross-correlation over NCHW images by im2col and one GEMM, then a fused activation
    (``identity, relu, tanh, sigmoid``): ``x Tensor[B, C, H, W], w Tensor[O, C, kh, kw] ->
    Tensor[B, O, H', W']``.

    >>> import typedflux as tf
    >>> conv2d(tf.ones(1, 1, 4, 4), tf.ones(2, 1, 3, 3)).shape
    (1, 2, 2, 2)
    """
    return p_conv2d.invoke(x, w, b, _p2(stride), _p2(pad), _p2(dilation), activation,
                           needs_grad(x))


# -- conv_transpose2d ------------------------------------------------------------------------------


@primitive("conv_transpose2d")
def p_conv_transpose2d(x: Any, w: Any, b: Any, stride: Any, pad: Any, dilation: Any) -> Any:
    return conv_transpose2d_forward(x, w, _bias(b), _p2(stride), _p2(pad), _p2(dilation))


@p_conv_transpose2d.vjp
def _conv_transpose2d_vjp(
    g: Any, out: Any, x: Any, w: Any, b: Any, stride: Any, pad: Any, dilation: Any
) -> Tuple[Any, ...]:
    gx, gw, gb = conv_transpose2d_backward(g, x, w, _p2(stride), _p2(pad), _p2(dilation))
    return gx, gw, (gb if _bias(b) is not None else None)


@p_conv_transpose2d.examples
def _conv_transpose2d_examples() -> Args:
    return [
        (_randn(2, 3, 3, 4), _randn(3, 2, 3, 3), _randn(2), (2, 2), (1, 1), (1, 1)),
        (_randn(1, 2, 3, 3), _randn(2, 1, 2, 3), 0.0, (1, 2), (0, 0), (2, 1)),
    ]


def conv_transpose2d(
    x: Any, w: Any, b: Any = 0.0, stride: Any = (1, 1), pad: Any = (0, 0),
    dilation: Any = (1, 1),
) -> AnyTensor:
    """Transposed convolution (PyTorch layout ``w Tensor[C_in, C_out, kh, kw]``):
    ``H' = (H-1)*stride - 2*pad + dilation*(kh-1) + 1``.

    >>> import typedflux as tf
    >>> conv_transpose2d(tf.ones(1, 2, 3, 3), tf.ones(2, 1, 2, 2), stride=2).shape
    (1, 1, 6, 6)
    """
    return p_conv_transpose2d.invoke(x, w, b, _p2(stride), _p2(pad), _p2(dilation))


# -- pools -----------------------------------------------------------------------------------------


@primitive("maxpool2d")
def p_maxpool2d(x: Any, window: Any, stride: Any, pad: Any) -> Any:
    return maxpool2d_forward(x, _p2(window), _p2(stride), _p2(pad))


@p_maxpool2d.vjp
def _maxpool2d_vjp(g: Any, out: Any, x: Any, window: Any, stride: Any, pad: Any) -> Tuple[Any, ...]:
    return (maxpool2d_backward(g, x, out, _p2(window), _p2(stride), _p2(pad)),)


@p_maxpool2d.examples
def _maxpool2d_examples() -> Args:
    # Distinct values (a permutation) keep the max away from ties for the numeric check.
    x = _rng.permutation(2 * 2 * 6 * 5).reshape(2, 2, 6, 5).astype(np.float64)
    return [(x, (2, 2), (2, 2), (0, 0)), (x, (3, 3), (2, 1), (1, 1))]


def maxpool2d(x: Any, window: Any, stride: Any = None, pad: Any = (0, 0)) -> AnyTensor:
    """Max over ``window`` (stride defaults to the window): ``Tensor[B, C, H, W] ->
    Tensor[B, C, H', W']``. The gradient goes to the first maximum of each window.

    >>> import typedflux as tf
    >>> maxpool2d(tf.arange(16.0).reshape(1, 1, 4, 4), (2, 2)).numpy().ravel().tolist()
    [5.0, 7.0, 13.0, 15.0]
    """
    w = _p2(window)
    return p_maxpool2d.invoke(x, w, w if stride is None else _p2(stride), _p2(pad))


@primitive("meanpool2d")
def p_meanpool2d(x: Any, window: Any, stride: Any, pad: Any) -> Any:
    return meanpool2d_forward(x, _p2(window), _p2(stride), _p2(pad))


@p_meanpool2d.vjp
def _meanpool2d_vjp(
    g: Any, out: Any, x: Any, window: Any, stride: Any, pad: Any
) -> Tuple[Any, ...]:
    return (meanpool2d_backward(g, x.shape, _p2(window), _p2(stride), _p2(pad)),)


@p_meanpool2d.examples
def _meanpool2d_examples() -> Args:
    return [(_randn(2, 2, 6, 5), (2, 2), (2, 2), (0, 0)), (_randn(1, 3, 5, 5), (3, 2), (1, 2), (1, 0))]


def meanpool2d(x: Any, window: Any, stride: Any = None, pad: Any = (0, 0)) -> AnyTensor:
    """Mean over ``window`` (padding counts as zeros): ``Tensor[B, C, H, W] ->
    Tensor[B, C, H', W']``.

    >>> import typedflux as tf
    >>> meanpool2d(tf.arange(16.0).reshape(1, 1, 4, 4), (2, 2)).numpy().ravel().tolist()
    [2.5, 4.5, 10.5, 12.5]
    """
    w = _p2(window)
    return p_meanpool2d.invoke(x, w, w if stride is None else _p2(stride), _p2(pad))


# -- normalisation ---------------------------------------------------------------------------------


@primitive("batchnorm")
def p_batchnorm(
    x: Any, weight: Any, bias: Any, running_mean: Any, running_var: Any, training: bool,
    eps: float,
) -> Any:
    return batchnorm_forward(x, weight, bias, running_mean, running_var, training, eps)


@p_batchnorm.vjp
def _batchnorm_vjp(
    g: Any, out: Any, x: Any, weight: Any, bias: Any, running_mean: Any, running_var: Any,
    training: bool, eps: float,
) -> Tuple[Any, ...]:
    gx, gw, gb = batchnorm_backward(g, x, weight, running_mean, running_var, training, eps)
    return gx, gw, gb, None, None


@p_batchnorm.examples
def _batchnorm_examples() -> Args:
    # Running statistics are state, not inputs to differentiate: constant tensors.
    rm: AnyTensor = Tensor(_randn(3), np.float64)
    rv: AnyTensor = Tensor(np.abs(_randn(3)) + 0.5, np.float64)
    return [
        (_randn(4, 3, 2, 2), _randn(3), _randn(3), rm, rv, True, 1e-5),
        (_randn(5, 3), _randn(3), _randn(3), rm, rv, True, 1e-5),
        (_randn(4, 3, 2), _randn(3), _randn(3), rm, rv, False, 1e-5),
    ]


def batchnorm(
    x: Any, weight: Any, bias: Any, running_mean: Any, running_var: Any,
    training: bool = True, eps: float = 1e-5,
) -> AnyTensor:
    """Per-channel (axis 1) normalisation: batch statistics when ``training``, else the
    running ones; ``Tensor[B, C, *S] -> Tensor[B, C, *S]``. No gradient reaches the running
    statistics (the BatchNorm layer updates them outside the tape).

    >>> import typedflux as tf
    >>> y = batchnorm(tf.tensor([[1.0], [3.0]]), tf.ones(1), tf.zeros(1), tf.zeros(1), tf.ones(1))
    >>> [round(v, 3) for v in y.numpy().ravel().tolist()]
    [-1.0, 1.0]
    """
    return p_batchnorm.invoke(x, weight, bias, running_mean, running_var, bool(training), eps)


@primitive("layernorm")
def p_layernorm(x: Any, weight: Any, bias: Any, eps: float) -> Any:
    return layernorm_forward(x, weight, bias, eps)


@p_layernorm.vjp
def _layernorm_vjp(g: Any, out: Any, x: Any, weight: Any, bias: Any, eps: float) -> Tuple[Any, ...]:
    return layernorm_backward(g, x, weight, eps)


@p_layernorm.examples
def _layernorm_examples() -> Args:
    return [(_randn(2, 3, 5), _randn(5), _randn(5), 1e-5), (_randn(4), _randn(4), _randn(4), 1e-5)]


def layernorm(x: Any, weight: Any, bias: Any, eps: float = 1e-5) -> AnyTensor:
    """Normalisation over the last axis with a per-feature scale and shift:
    ``Tensor[*Bs, d] -> Tensor[*Bs, d]``.

    >>> import typedflux as tf
    >>> y = layernorm(tf.tensor([[1.0, 3.0]]), tf.ones(2), tf.zeros(2))
    >>> [round(v, 3) for v in y.numpy().ravel().tolist()]
    [-1.0, 1.0]
    """
    return p_layernorm.invoke(x, weight, bias, eps)


# -- recurrent -----------------------------------------------------------------------------------------


def _recurrent_examples(gates: int) -> Args:
    return [(_randn(2, 3, 4), _randn(gates * 3, 4) * 0.5, _randn(gates * 3, 3) * 0.5,
             _randn(gates * 3) * 0.5, True),
            (Tensor(_randn(2, 3, 4), np.float64), _randn(gates * 3, 4) * 0.5,
             _randn(gates * 3, 3) * 0.5, _randn(gates * 3) * 0.5, False)]


@primitive("rnn_sequence")
def p_rnn_sequence(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, grad_x: bool) -> Any:
    return rnn_forward(x, weight_ih, weight_hh, bias)


@p_rnn_sequence.vjp
def _rnn_vjp(
    g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any, grad_x: bool
) -> Tuple[Any, ...]:
    return rnn_backward(g, out, x, weight_ih, weight_hh, grad_x)


p_rnn_sequence.examples(lambda: _recurrent_examples(1))


@primitive("lstm_sequence")
def p_lstm_sequence(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, grad_x: bool) -> Any:
    out, saved = lstm_forward(x, weight_ih, weight_hh, bias)
    _save(out, saved)
    return out


@p_lstm_sequence.vjp
def _lstm_vjp(
    g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any, grad_x: bool
) -> Tuple[Any, ...]:
    saved = _saved(out)
    if saved is None:
        saved = lstm_forward(x, weight_ih, weight_hh, bias)[1]
    return lstm_backward(g, saved, weight_ih, weight_hh, grad_x)


p_lstm_sequence.examples(lambda: _recurrent_examples(4))


@primitive("gru_sequence")
def p_gru_sequence(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, grad_x: bool) -> Any:
    out, saved = gru_forward(x, weight_ih, weight_hh, bias)
    _save(out, saved)
    return out


@p_gru_sequence.vjp
def _gru_vjp(
    g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any, grad_x: bool
) -> Tuple[Any, ...]:
    saved = _saved(out)
    if saved is None:
        saved = gru_forward(x, weight_ih, weight_hh, bias)[1]
    return gru_backward(g, out, saved, x, weight_ih, weight_hh, grad_x)


p_gru_sequence.examples(lambda: _recurrent_examples(3))


def rnn_sequence(x: Any, weight_ih: Any, weight_hh: Any, bias: Any) -> AnyTensor:
    """Elman RNN over a whole batch-first sequence from a zero state: ``Tensor[B, T, in] ->
    Tensor[B, T, H]`` (``h_t = tanh(W_ih x_t + W_hh h_{t-1} + b)``).

    >>> import typedflux as tf
    >>> rnn_sequence(tf.ones(2, 5, 3), tf.ones(4, 3), tf.ones(4, 4), tf.zeros(4)).shape
    (2, 5, 4)
    """
    return p_rnn_sequence.invoke(x, weight_ih, weight_hh, bias, needs_grad(x))


def lstm_sequence(x: Any, weight_ih: Any, weight_hh: Any, bias: Any) -> AnyTensor:
    """LSTM over a whole batch-first sequence (PyTorch gate order i, f, g, o; zero initial
    states): ``Tensor[B, T, in] -> Tensor[B, T, H]``, weights ``(4H, in)``, ``(4H, H)``.

    >>> import typedflux as tf
    >>> lstm_sequence(tf.ones(2, 5, 3), tf.ones(8, 3), tf.ones(8, 2), tf.zeros(8)).shape
    (2, 5, 2)
    """
    return p_lstm_sequence.invoke(x, weight_ih, weight_hh, bias, needs_grad(x))


def gru_sequence(x: Any, weight_ih: Any, weight_hh: Any, bias: Any) -> AnyTensor:
    """GRU over a whole batch-first sequence (Flux's cell, blocks r, z, n; zero initial
    state): ``Tensor[B, T, in] -> Tensor[B, T, H]``, weights ``(3H, in)``, ``(3H, H)``.

    >>> import typedflux as tf
    >>> gru_sequence(tf.ones(2, 5, 3), tf.ones(6, 3), tf.ones(6, 2), tf.zeros(6)).shape
    (2, 5, 2)
    """
    return p_gru_sequence.invoke(x, weight_ih, weight_hh, bias, needs_grad(x))
