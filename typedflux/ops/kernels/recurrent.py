"""Recurrent kernels over whole sequences (batch-first ``(B, T, in)``): RNN, LSTM and GRU
from a zero state, each input projection of all time steps in one GEMM, and the backward
through time with the weight gradients of all steps at once.

>>> import numpy as np
>>> x = np.ones((2, 5, 3), np.float32)
>>> w_ih, w_hh = np.ones((4, 3), np.float32), np.ones((4, 4), np.float32)
>>> b = np.zeros(4, np.float32)
>>> rnn_forward(x, w_ih, w_hh, b).shape
(2, 5, 4)
"""

from __future__ import annotations

from typing import Optional, Tuple

import numpy as np

from typedflux.ops.kernels.common import Array, _sigmoid, as_param, empty, zeros

__all__ = [
    "rnn_forward", "rnn_backward", "lstm_forward", "lstm_backward", "gru_forward", "gru_backward"
]


def _zeros_h(x: Array, h: int) -> Array:
    return np.zeros((x.shape[0], h), dtype=np.result_type(x.dtype, np.float32))


def _input_part(x: Array, w_ih: Array, b: Array) -> Array:
    # Every time step's input projection in ONE GEMM: (B, T, in) @ (in, g*H).
    n, t, nin = x.shape
    xw: Array = as_param(x, w_ih).reshape(n * t, nin) @ w_ih.T
    xw += b
    return xw.reshape(n, t, w_ih.shape[0])  # (not -1: an empty batch has no size to infer)


def _finish(
    da: Array, x: Array, w_ih: Array, hprev: Array, w_hh: Array, grad_x: bool = True
) -> Tuple[Optional[Array], Array, Array, Array]:
    """Weight gradients of all steps at once from the stacked pre-activation gradients."""
    da2 = da.reshape(-1, da.shape[-1])
    gx = da @ w_ih if grad_x else None
    gwih = da2.T @ as_param(x, w_ih).reshape(-1, x.shape[-1])
    gwhh = da2.T @ hprev.reshape(-1, hprev.shape[-1])
    return gx, gwih, gwhh, da2.sum(axis=0)


def _shifted(out: Array) -> Array:
    """The hidden state entering each step: zeros, then the outputs but the last."""
    hprev = np.zeros_like(out)
    hprev[:, 1:] = out[:, :-1]
    return hprev


def rnn_forward(x: Array, w_ih: Array, w_hh: Array, b: Array) -> Array:
    """Elman RNN from a zero state: ``h_t = tanh(W_ih x_t + W_hh h_{t-1} + b)``; all h_t."""
    n, t, _ = x.shape
    hsize = w_hh.shape[1]
    xw = _input_part(x, w_ih, b)
    out = empty(xw, (n, t, hsize))
    h = _zeros_h(x, hsize).astype(xw.dtype)
    for s in range(t):
        h = np.tanh(xw[:, s] + h @ w_hh.T)
        out[:, s] = h
    return out


def rnn_backward(
    g: Array, out: Array, x: Array, w_ih: Array, w_hh: Array, grad_x: bool = True
) -> Tuple[Optional[Array], Array, Array, Array]:
    """Backpropagation through time; the saved outputs are the hidden states."""
    n, t, hsize = out.shape
    da = np.empty_like(out)
    dh_next = zeros(out, (n, hsize))
    for s in range(t - 1, -1, -1):
        h = out[:, s]
        da[:, s] = (g[:, s] + dh_next) * (1 - h * h)
        dh_next = da[:, s] @ w_hh
    return _finish(da, x, w_ih, _shifted(out), w_hh, grad_x)


def lstm_forward(
    x: Array, w_ih: Array, w_hh: Array, b: Array
) -> Tuple[Array, Array, Array]:
    """LSTM from zero states, PyTorch gate order (i, f, g, o). Returns all h_t, plus the
    activated gates (B, T, 4H) and cell states (B, T, H) the backward needs."""
    n, t, _ = x.shape
    hsize = w_hh.shape[1]
    xw = _input_part(x, w_ih, b)
    out = empty(xw, (n, t, hsize))
    gates = np.empty_like(xw)
    cells = np.empty_like(out)
    h = _zeros_h(x, hsize).astype(xw.dtype)
    c = np.zeros_like(h)
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
        cells[:, s] = c
        h = gt[:, h3:] * np.tanh(c)
        out[:, s] = h
    return out, gates, cells


def lstm_backward(
    g: Array, out: Array, gates: Array, cells: Array, x: Array, w_ih: Array, w_hh: Array,
    grad_x: bool = True,
) -> Tuple[Optional[Array], Array, Array, Array]:
    """BPTT for :func:`lstm_forward` from its saved gates and cell states."""
    n, t, hsize = out.shape
    da = np.empty_like(gates)
    dh_next = zeros(out, (n, hsize))
    dc_next = np.zeros_like(dh_next)
    c_start = np.zeros_like(dh_next)
    for s in range(t - 1, -1, -1):
        i, f = gates[:, s, :hsize], gates[:, s, hsize : 2 * hsize]
        gg, o = gates[:, s, 2 * hsize : 3 * hsize], gates[:, s, 3 * hsize :]
        c = cells[:, s]
        c_prev = cells[:, s - 1] if s > 0 else c_start
        tc = np.tanh(c)
        dh = dh_next
        dh += g[:, s]
        dc = dh * o
        dc *= 1 - tc * tc
        dc += dc_next
        da[:, s, :hsize] = dc * gg * i * (1 - i)
        da[:, s, hsize : 2 * hsize] = dc * c_prev * f * (1 - f)
        da[:, s, 2 * hsize : 3 * hsize] = dc * i * (1 - gg * gg)
        da[:, s, 3 * hsize :] = dh * tc * o * (1 - o)
        dc_next = dc * f
        dh_next = da[:, s] @ w_hh
    return _finish(da, x, w_ih, _shifted(out), w_hh, grad_x)


def gru_forward(
    x: Array, w_ih: Array, w_hh: Array, b: Array
) -> Tuple[Array, Array]:
    """GRU from a zero state (Flux's cell, PyTorch's block order r, z, n, one bias):
    ``r, z = σ(Wi x + Wh h + b)``, ``n = tanh(Wi_n x + r*(Wh_n h) + b_n)``,
    ``h' = (1-z)*n + z*h``. Returns all h_t and the saved (r, z, n, Wh_n h) per step."""
    n_, t, _ = x.shape
    hsize = w_hh.shape[1]
    xw = _input_part(x, w_ih, b)
    out = empty(xw, (n_, t, hsize))
    saved = empty(xw, (n_, t, 4 * hsize))
    h = _zeros_h(x, hsize).astype(xw.dtype)
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


def gru_backward(
    g: Array, out: Array, saved: Array, x: Array, w_ih: Array, w_hh: Array,
    grad_x: bool = True,
) -> Tuple[Optional[Array], Array, Array, Array]:
    """BPTT for :func:`gru_forward`. The reset gate scales only the hidden part of the
    candidate, so input-side and hidden-side pre-activation gradients differ in that block."""
    n_, t, hsize = out.shape
    da_in = empty(out, (n_, t, 3 * hsize))
    da_h = np.empty_like(da_in)
    hprev_all = _shifted(out)
    dh_next = zeros(out, (n_, hsize))
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
    dh2 = da_h.reshape(-1, 3 * hsize)
    gwhh = dh2.T @ hprev_all.reshape(-1, hsize)
    return gx, gwih, gwhh, gb
