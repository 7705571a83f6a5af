"""Recurrent layers from a given initial state: the ``rnn_state``, ``gru_state`` and
``lstm_state`` primitives (forwards and hand-written backpropagation through time, which
also returns the gradient of the initial state). The shape rules are in
``typedflux/shapes/rules_recurrent_state.py``.

Same cells and gate orders as the zero-state primitives of :mod:`typedflux.ops.layers_nn`
(``rnn_sequence`` ...), which the layers keep using when no state is given; here the state
entering the first step is ``h0`` (and ``c0``), ``Tensor[B, H]`` or ``Tensor[H]`` (the same
for every sequence). ``lstm_state`` returns every step's hidden and cell state,
``Tensor[B, T, 2H]`` (``h`` then ``c`` on the last axis), so a loss may depend on the final
cell state and its gradient flows back through the sequence.

>>> import typedflux as tf
>>> rnn_state(tf.ones(2, 5, 3), tf.ones(4, 3), tf.ones(4, 4), tf.zeros(4), tf.zeros(4)).shape
(2, 5, 4)
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import numpy as np
import numpy.typing as npt
from typing_extensions import Unpack

# The shared pieces of the zero-state kernels (the input projection of all steps as one
# GEMM, the weight gradients of all steps at once, the overflow-free sigmoid).
from typedflux.ops.kernels.common import _sigmoid, as_param
from typedflux.ops.kernels.recurrent import _finish, _input_part
from typedflux.ops.layers_nn import _save, _saved, needs_grad
from typedflux.ops.registry import primitive
from typedflux.tensor import Tensor

__all__ = [
    "rnn_state",
    "gru_state",
    "lstm_state",
    "rnn_state_forward",
    "rnn_state_backward",
    "gru_state_forward",
    "gru_state_backward",
    "lstm_state_forward",
    "lstm_state_backward",
]

Array = npt.NDArray[Any]
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
Grads = Tuple[Optional[Array], Array, Array, Array, Array]


def _start(state: Array, n: int, w_hh: Array, like: Array) -> Array:
    """The state entering the first step as a ``(B, H)`` array of ``like``'s dtype (a
    ``(H,)`` state is the same for every sequence)."""
    s = as_param(state, w_hh)
    out = np.empty_like(like, shape=(n, w_hh.shape[1]))
    out[...] = s
    return out


def _shifted(hs: Array, start: Array) -> Array:
    """The hidden state entering each step: ``start``, then every output but the last."""
    prev = np.empty_like(hs, order="C")
    prev[:, :1] = start[:, None]
    prev[:, 1:] = hs[:, :-1]
    return prev


# -- RNN ---------------------------------------------------------------------------------------


def rnn_state_forward(x: Array, w_ih: Array, w_hh: Array, b: Array, h0: Array) -> Array:
    """``h_t = tanh(W_ih x_t + W_hh h_{t-1} + b)`` from ``h_{-1} = h0``; all ``h_t``."""
    n, t, _ = x.shape
    xw = _input_part(x, w_ih, b)
    h = _start(h0, n, w_hh, xw)
    out = np.empty_like(xw, shape=(n, t, w_hh.shape[1]))
    for s in range(t):
        h = np.tanh(xw[:, s] + h @ w_hh.T)
        out[:, s] = h
    return out


def rnn_state_backward(g: Array, out: Array, x: Array, w_ih: Array, w_hh: Array, h0: Array,
                       grad_x: bool = True) -> Grads:
    """Backpropagation through time; the last entry is the ``(B, H)`` gradient of ``h0``."""
    n = out.shape[0]
    da = np.empty_like(out)
    dh = np.zeros_like(out, shape=(n, out.shape[2]))
    for s in range(out.shape[1] - 1, -1, -1):
        h = out[:, s]
        da[:, s] = (g[:, s] + dh) * (1 - h * h)
        dh = da[:, s] @ w_hh
    start = _start(h0, n, w_hh, out)
    gx, gwih, gwhh, gb = _finish(da, x, w_ih, _shifted(out, start), w_hh, grad_x)
    return gx, gwih, gwhh, gb, dh


# -- GRU ---------------------------------------------------------------------------------------


def gru_state_forward(x: Array, w_ih: Array, w_hh: Array, b: Array, h0: Array
                      ) -> Tuple[Array, Array]:
    """Flux's GRU cell (blocks r, z, n; one bias) from ``h0``: all ``h_t`` and the saved
    ``(r, z, n, W_hn h)`` of every step."""
    n_, t, _ = x.shape
    hsize = w_hh.shape[1]
    xw = _input_part(x, w_ih, b)
    h = _start(h0, n_, w_hh, xw)
    out = np.empty_like(xw, shape=(n_, t, hsize))
    saved = np.empty_like(xw, shape=(n_, t, 4 * hsize))
    for s in range(t):
        hw = h @ w_hh.T
        rz = _sigmoid(xw[:, s, : 2 * hsize] + hw[:, : 2 * hsize])
        r, z = rz[:, :hsize], rz[:, hsize:]
        hn = hw[:, 2 * hsize :]
        nn = np.tanh(xw[:, s, 2 * hsize :] + r * hn)
        h = (1 - z) * nn + z * h
        saved[:, s, : 2 * hsize], saved[:, s, 2 * hsize : 3 * hsize] = rz, nn
        saved[:, s, 3 * hsize :] = hn
        out[:, s] = h
    return out, saved


def gru_state_backward(g: Array, out: Array, saved: Array, x: Array, w_ih: Array, w_hh: Array,
                       h0: Array, grad_x: bool = True) -> Grads:
    """BPTT for :func:`gru_state_forward`; the last entry is the gradient of ``h0``."""
    n_, t, hsize = out.shape
    da_in = np.empty_like(out, shape=(n_, t, 3 * hsize))
    da_h = np.empty_like(da_in)
    hprev_all = _shifted(out, _start(h0, n_, w_hh, out))
    dh_next = np.zeros_like(out, shape=(n_, hsize))
    for s in range(t - 1, -1, -1):
        r, z = saved[:, s, :hsize], saved[:, s, hsize : 2 * hsize]
        nn, hn = saved[:, s, 2 * hsize : 3 * hsize], saved[:, s, 3 * hsize :]
        hprev = hprev_all[:, s]
        dh = g[:, s] + dh_next
        dan = dh * (1 - z) * (1 - nn * nn)
        dar = dan * hn * r * (1 - r)
        daz = dh * (hprev - nn) * z * (1 - z)
        da_in[:, s, :hsize], da_in[:, s, hsize : 2 * hsize] = dar, daz
        da_in[:, s, 2 * hsize :] = dan
        da_h[:, s, :hsize], da_h[:, s, hsize : 2 * hsize] = dar, daz
        da_h[:, s, 2 * hsize :] = dan * r
        dh_next = da_h[:, s] @ w_hh + dh * z
    gx, gwih, _, gb = _finish(da_in, x, w_ih, hprev_all, w_hh, grad_x)
    gwhh = da_h.reshape(-1, 3 * hsize).T @ hprev_all.reshape(-1, hsize)
    return gx, gwih, gwhh, gb, dh_next


# -- LSTM --------------------------------------------------------------------------------------


def lstm_state_forward(x: Array, w_ih: Array, w_hh: Array, b: Array, h0: Array, c0: Array
                       ) -> Tuple[Array, Array]:
    """LSTM (gates i, f, g, o; one bias) from ``(h0, c0)``. Returns every step's
    ``[h_t, c_t]`` (``(B, T, 2H)``) and the activated gates ``(B, T, 4H)``."""
    n, t, _ = x.shape
    hsize = w_hh.shape[1]
    xw = _input_part(x, w_ih, b)
    h = _start(h0, n, w_hh, xw)
    c = _start(c0, n, w_hh, xw)
    out = np.empty_like(xw, shape=(n, t, 2 * hsize))
    gates = np.empty_like(xw)
    w_hh_t = w_hh.T
    h2, h3 = 2 * hsize, 3 * hsize
    for s in range(t):
        a = h @ w_hh_t
        a += xw[:, s]
        gt = gates[:, s]
        _sigmoid(a[:, :h2], out=gt[:, :h2])
        np.tanh(a[:, h2:h3], out=gt[:, h2:h3])
        _sigmoid(a[:, h3:], out=gt[:, h3:])
        c = gt[:, hsize:h2] * c + gt[:, :hsize] * gt[:, h2:h3]
        h = gt[:, h3:] * np.tanh(c)
        out[:, s, :hsize], out[:, s, hsize:] = h, c
    return out, gates


def lstm_state_backward(
    g: Array, out: Array, gates: Array, x: Array, w_ih: Array, w_hh: Array, h0: Array,
    c0: Array, grad_x: bool = True,
) -> Tuple[Optional[Array], Array, Array, Array, Array, Array]:
    """BPTT for :func:`lstm_state_forward`, with gradients arriving at every hidden and cell
    state (``g`` is ``(B, T, 2H)``); the last two entries are the gradients of ``h0`` and
    ``c0``."""
    n, t, two_h = out.shape
    hsize = two_h // 2
    da = np.empty_like(gates)
    dh_next = np.zeros_like(out, shape=(n, hsize))
    dc_next = np.zeros_like(dh_next)
    c_start = _start(c0, n, w_hh, out)
    for s in range(t - 1, -1, -1):
        i, f = gates[:, s, :hsize], gates[:, s, hsize : 2 * hsize]
        gg, o = gates[:, s, 2 * hsize : 3 * hsize], gates[:, s, 3 * hsize :]
        c = out[:, s, hsize:]
        c_prev = out[:, s - 1, hsize:] if s > 0 else c_start
        tc = np.tanh(c)
        dh = dh_next + g[:, s, :hsize]
        dc = dh * o
        dc *= 1 - tc * tc
        dc += dc_next
        dc += g[:, s, hsize:]
        da[:, s, :hsize] = dc * gg * i * (1 - i)
        da[:, s, hsize : 2 * hsize] = dc * c_prev * f * (1 - f)
        da[:, s, 2 * hsize : 3 * hsize] = dc * i * (1 - gg * gg)
        da[:, s, 3 * hsize :] = dh * tc * o * (1 - o)
        dc_next = dc * f
        dh_next = da[:, s] @ w_hh
    hprev = _shifted(out[:, :, :hsize], _start(h0, n, w_hh, out))
    gx, gwih, gwhh, gb = _finish(da, x, w_ih, hprev, w_hh, grad_x)
    return gx, gwih, gwhh, gb, dh_next, dc_next


# -- the primitives ---------------------------------------------------------------------------


@primitive("rnn_state")
def p_rnn_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any,
                grad_x: bool) -> Any:
    return rnn_state_forward(x, weight_ih, weight_hh, bias, h0)


@p_rnn_state.vjp
def _rnn_state_vjp(g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any,
                   h0: Any, grad_x: bool) -> Tuple[Any, ...]:
    return rnn_state_backward(g, out, x, weight_ih, weight_hh, h0, grad_x)


@primitive("gru_state")
def p_gru_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any,
                grad_x: bool) -> Any:
    out, saved = gru_state_forward(x, weight_ih, weight_hh, bias, h0)
    _save(out, saved)
    return out


@p_gru_state.vjp
def _gru_state_vjp(g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any,
                   h0: Any, grad_x: bool) -> Tuple[Any, ...]:
    saved = _saved(out)
    if saved is None:
        saved = gru_state_forward(x, weight_ih, weight_hh, bias, h0)[1]
    return gru_state_backward(g, out, saved, x, weight_ih, weight_hh, h0, grad_x)


@primitive("lstm_state")
def p_lstm_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any, c0: Any,
                 grad_x: bool) -> Any:
    out, gates = lstm_state_forward(x, weight_ih, weight_hh, bias, h0, c0)
    _save(out, gates)
    return out


@p_lstm_state.vjp
def _lstm_state_vjp(g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any,
                    h0: Any, c0: Any, grad_x: bool) -> Tuple[Any, ...]:
    gates = _saved(out)
    if gates is None:
        gates = lstm_state_forward(x, weight_ih, weight_hh, bias, h0, c0)[1]
    return lstm_state_backward(g, out, gates, x, weight_ih, weight_hh, h0, c0, grad_x)


_rng = np.random.default_rng(97531)


def _examples(gates: int, cell: bool) -> List[Tuple[Any, ...]]:
    r = _rng.standard_normal

    def weights() -> Tuple[Array, Array, Array]:
        return r((gates * 3, 4)) * 0.5, r((gates * 3, 3)) * 0.5, r(gates * 3) * 0.5

    states: List[Tuple[Array, ...]] = [(r((2, 3)), r((2, 3))), (r(3), r((2, 3)))]
    out: List[Tuple[Any, ...]] = []
    for k, st in enumerate(states):
        x: Any = r((2, 4, 4)) if k == 0 else Tensor(r((2, 4, 4)), np.float64)
        out.append((x, *weights(), *(st if cell else st[:1]), k == 0))
    return out


p_rnn_state.examples(lambda: _examples(1, False))
p_gru_state.examples(lambda: _examples(3, False))
p_lstm_state.examples(lambda: _examples(4, True))


def rnn_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any) -> AnyTensor:
    """Elman RNN over a batch-first sequence from ``h0`` (``Tensor[B, H]`` or ``Tensor[H]``):
    ``Tensor[B, T, in] -> Tensor[B, T, H]``.

    >>> import typedflux as tf
    >>> rnn_state(tf.ones(2, 5, 3), tf.ones(4, 3), tf.ones(4, 4), tf.zeros(4), tf.ones(2, 4)).shape
    (2, 5, 4)
    """
    return p_rnn_state.invoke(x, weight_ih, weight_hh, bias, h0, needs_grad(x))


def gru_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any) -> AnyTensor:
    """Flux's GRU over a batch-first sequence from ``h0``: ``Tensor[B, T, in] ->
    Tensor[B, T, H]``, weights ``(3H, in)``, ``(3H, H)``.

    >>> import typedflux as tf
    >>> gru_state(tf.ones(2, 5, 3), tf.ones(6, 3), tf.ones(6, 2), tf.zeros(6), tf.zeros(2)).shape
    (2, 5, 2)
    """
    return p_gru_state.invoke(x, weight_ih, weight_hh, bias, h0, needs_grad(x))


def lstm_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any, c0: Any
               ) -> AnyTensor:
    """LSTM over a batch-first sequence from ``(h0, c0)``: ``Tensor[B, T, in] ->
    Tensor[B, T, 2H]``, every step's hidden state then its cell state on the last axis.

    >>> import typedflux as tf
    >>> lstm_state(tf.ones(2, 5, 3), tf.ones(8, 3), tf.ones(8, 2), tf.zeros(8), tf.zeros(2),
    ...            tf.zeros(2)).shape
    (2, 5, 4)
    """
    return p_lstm_state.invoke(x, weight_ih, weight_hh, bias, h0, c0, needs_grad(x))
