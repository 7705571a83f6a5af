"""Recurrent kernels over whole sequences (batch-first ``(B, T, in)``): RNN, LSTM and GRU,
each input projection of all time steps in one GEMM, and the backward through time with the
weight gradients of all steps at once.

One forward loop and one backpropagation-through-time loop per cell (``*_run``,
``*_bptt``), from any initial state: the zero-state kernels here (``rnn_forward`` ...) start
from zeros and drop the initial state's gradient; the primitives with a given state
(:mod:`typedflux.ops.recurrent_state`) start from it and return its gradient.

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
    "rnn_forward", "rnn_backward", "lstm_forward", "lstm_backward", "gru_forward", "gru_backward",
    "start_state", "shifted", "input_part", "finish", "rnn_run", "rnn_bptt", "lstm_run",
    "lstm_bptt", "gru_run", "gru_bptt", "gru_finish",
]

WeightGrads = Tuple[Optional[Array], Array, Array, Array]


def start_state(state: Optional[Array], n: int, w_hh: Array, like: Array) -> Array:
    """The state entering the first step as a ``(B, H)`` array of ``like``'s dtype: zeros
    for ``None``; a ``(H,)`` state is the same for every sequence.

    >>> start_state(np.ones(2), 3, np.zeros((2, 2), np.float32), np.zeros(1, np.float32))
    array([[1., 1.],
           [1., 1.],
           [1., 1.]], dtype=float32)
    """
    if state is None:
        return np.zeros_like(like, shape=(n, w_hh.shape[1]))
    s = as_param(state, w_hh)
    out = np.empty_like(like, shape=(n, w_hh.shape[1]))
    out[...] = s
    return out


def shifted(hs: Array, start: Array) -> Array:
    """The hidden state entering each step: ``start``, then every output but the last."""
    prev = np.empty_like(hs, order="C")
    prev[:, :1] = start[:, None]
    prev[:, 1:] = hs[:, :-1]
    return prev


def input_part(x: Array, w_ih: Array, b: Array) -> Array:
    """Every time step's input projection in ONE GEMM: ``(B, T, in) @ (in, g*H) + b``."""
    n, t, nin = x.shape
    xw: Array = as_param(x, w_ih).reshape(n * t, nin) @ w_ih.T
    xw += b
    return xw.reshape(n, t, w_ih.shape[0])  # (not -1: an empty batch has no size to infer)


def finish(da: Array, x: Array, w_ih: Array, hprev: Array, w_hh: Array,
           grad_x: bool = True) -> WeightGrads:
    """Gradients of (x, w_ih, w_hh, b) from the stacked pre-activation gradients ``da``
    and the states entering each step, all steps at once."""
    da2 = da.reshape(-1, da.shape[-1])
    gx = da @ w_ih if grad_x else None
    gwih = da2.T @ as_param(x, w_ih).reshape(-1, x.shape[-1])
    gwhh = da2.T @ hprev.reshape(-1, hprev.shape[-1])
    return gx, gwih, gwhh, da2.sum(axis=0)


# -- RNN ---------------------------------------------------------------------------------------


def rnn_run(xw: Array, h: Array, w_hh: Array) -> Array:
    """``h_t = tanh(xw_t + W_hh h_{t-1})`` from ``h``; all ``h_t``."""
    n, t, _ = xw.shape
    out = empty(xw, (n, t, w_hh.shape[1]))
    for s in range(t):
        h = np.tanh(xw[:, s] + h @ w_hh.T)
        out[:, s] = h
    return out


def rnn_bptt(g: Array, out: Array, w_hh: Array) -> Tuple[Array, Array]:
    """Backpropagation through time: the pre-activation gradients of every step and the
    gradient of the initial state."""
    n, t, hsize = out.shape
    da = np.empty_like(out)
    dh = zeros(out, (n, hsize))
    for s in range(t - 1, -1, -1):
        h = out[:, s]
        da[:, s] = (g[:, s] + dh) * (1 - h * h)
        dh = da[:, s] @ w_hh
    return da, dh


def rnn_forward(x: Array, w_ih: Array, w_hh: Array, b: Array) -> Array:
    """Elman RNN from a zero state: ``h_t = tanh(W_ih x_t + W_hh h_{t-1} + b)``; all h_t."""
    xw = input_part(x, w_ih, b)
    return rnn_run(xw, start_state(None, x.shape[0], w_hh, xw), w_hh)


def rnn_backward(
    g: Array, out: Array, x: Array, w_ih: Array, w_hh: Array, grad_x: bool = True
) -> WeightGrads:
    """Backpropagation through time; the saved outputs are the hidden states."""
    da, _ = rnn_bptt(g, out, w_hh)
    return finish(da, x, w_ih, shifted(out, start_state(None, out.shape[0], w_hh, out)),
                  w_hh, grad_x)


# -- LSTM --------------------------------------------------------------------------------------


def lstm_run(xw: Array, h: Array, c: Array, w_hh: Array, hs: Array, cs: Array) -> Array:
    """LSTM steps (PyTorch gate order i, f, g, o) from ``(h, c)``, writing every ``h_t``
    into ``hs`` and ``c_t`` into ``cs`` (``(B, T, H)``, views allowed); returns the
    activated gates ``(B, T, 4H)`` the backward needs."""
    hsize = w_hh.shape[1]
    gates = np.empty_like(xw)
    w_hh_t = w_hh.T
    h2, h3 = 2 * hsize, 3 * hsize
    for s in range(xw.shape[1]):
        a = h @ w_hh_t
        a += xw[:, s]
        gt = gates[:, s]
        _sigmoid(a[:, :h2], out=gt[:, :h2])
        np.tanh(a[:, h2:h3], out=gt[:, h2:h3])
        _sigmoid(a[:, h3:], out=gt[:, h3:])
        c = gt[:, hsize:h2] * c + gt[:, :hsize] * gt[:, h2:h3]
        cs[:, s] = c
        h = gt[:, h3:] * np.tanh(c)
        hs[:, s] = h
    return gates


def lstm_bptt(g_h: Array, g_c: Optional[Array], gates: Array, cs: Array, c_start: Array,
              w_hh: Array) -> Tuple[Array, Array, Array]:
    """BPTT for :func:`lstm_run` with gradients ``g_h`` arriving at every hidden state (and
    ``g_c`` at every cell state, or none): the pre-activation gradients of every step and
    the gradients of the initial ``h`` and ``c``."""
    n, t, hsize = cs.shape
    da = np.empty_like(gates)
    dh_next = zeros(cs, (n, hsize))
    dc_next = np.zeros_like(dh_next)
    for s in range(t - 1, -1, -1):
        i, f = gates[:, s, :hsize], gates[:, s, hsize : 2 * hsize]
        gg, o = gates[:, s, 2 * hsize : 3 * hsize], gates[:, s, 3 * hsize :]
        c = cs[:, s]
        c_prev = cs[:, s - 1] if s > 0 else c_start
        tc = np.tanh(c)
        dh = dh_next
        dh += g_h[:, s]
        dc = dh * o
        dc *= 1 - tc * tc
        dc += dc_next
        if g_c is not None:
            dc += g_c[:, s]
        da[:, s, :hsize] = dc * gg * i * (1 - i)
        da[:, s, hsize : 2 * hsize] = dc * c_prev * f * (1 - f)
        da[:, s, 2 * hsize : 3 * hsize] = dc * i * (1 - gg * gg)
        da[:, s, 3 * hsize :] = dh * tc * o * (1 - o)
        dc_next = dc * f
        dh_next = da[:, s] @ w_hh
    return da, dh_next, dc_next


def lstm_forward(
    x: Array, w_ih: Array, w_hh: Array, b: Array
) -> Tuple[Array, Array, Array]:
    """LSTM from zero states, PyTorch gate order (i, f, g, o). Returns all h_t, plus the
    activated gates (B, T, 4H) and cell states (B, T, H) the backward needs."""
    n, t, _ = x.shape
    xw = input_part(x, w_ih, b)
    h = start_state(None, n, w_hh, xw)
    out = empty(xw, (n, t, w_hh.shape[1]))
    cells = np.empty_like(out)
    gates = lstm_run(xw, h, np.zeros_like(h), w_hh, out, cells)
    return out, gates, cells


def lstm_backward(
    g: Array, out: Array, gates: Array, cells: Array, x: Array, w_ih: Array, w_hh: Array,
    grad_x: bool = True,
) -> WeightGrads:
    """BPTT for :func:`lstm_forward` from its saved gates and cell states."""
    zero = start_state(None, out.shape[0], w_hh, out)
    da, _, _ = lstm_bptt(g, None, gates, cells, zero, w_hh)
    return finish(da, x, w_ih, shifted(out, zero), w_hh, grad_x)


# -- GRU ---------------------------------------------------------------------------------------


def gru_run(xw: Array, h: Array, w_hh: Array) -> Tuple[Array, Array]:
    """Flux's GRU cell (PyTorch's block order r, z, n, one bias) from ``h``:
    ``r, z = σ(Wi x + Wh h + b)``, ``n = tanh(Wi_n x + r*(Wh_n h) + b_n)``,
    ``h' = (1-z)*n + z*h``. Returns all h_t and the saved (r, z, n, Wh_n h) per step."""
    n_, t, _ = xw.shape
    hsize = w_hh.shape[1]
    out = empty(xw, (n_, t, hsize))
    saved = empty(xw, (n_, t, 4 * hsize))
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


def gru_bptt(g: Array, saved: Array, hprev_all: Array, w_hh: Array
             ) -> Tuple[Array, Array, Array]:
    """BPTT for :func:`gru_run`: the input-side and hidden-side pre-activation gradients of
    every step (the reset gate scales only the hidden part of the candidate, so they differ
    in that block) and the gradient of the initial state."""
    n_, t, hsize = hprev_all.shape
    da_in = empty(hprev_all, (n_, t, 3 * hsize))
    da_h = np.empty_like(da_in)
    dh_next = zeros(hprev_all, (n_, hsize))
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
    return da_in, da_h, dh_next


def gru_finish(da_in: Array, da_h: Array, x: Array, w_ih: Array, hprev_all: Array,
               w_hh: Array, grad_x: bool) -> WeightGrads:
    """:func:`finish` for the GRU: the hidden weights' gradient from the hidden-side
    pre-activation gradients."""
    gx, gwih, _, gb = finish(da_in, x, w_ih, hprev_all, w_hh, grad_x)
    hsize = hprev_all.shape[-1]
    gwhh = da_h.reshape(-1, 3 * hsize).T @ hprev_all.reshape(-1, hsize)
    return gx, gwih, gwhh, gb


def gru_forward(
    x: Array, w_ih: Array, w_hh: Array, b: Array
) -> Tuple[Array, Array]:
    """GRU from a zero state (:func:`gru_run`). Returns all h_t and the saved
    (r, z, n, Wh_n h) per step."""
    xw = input_part(x, w_ih, b)
    return gru_run(xw, start_state(None, x.shape[0], w_hh, xw), w_hh)


def gru_backward(
    g: Array, out: Array, saved: Array, x: Array, w_ih: Array, w_hh: Array,
    grad_x: bool = True,
) -> WeightGrads:
    """BPTT for :func:`gru_forward`."""
    hprev_all = shifted(out, start_state(None, out.shape[0], w_hh, out))
    da_in, da_h, _ = gru_bptt(g, saved, hprev_all, w_hh)
    return gru_finish(da_in, da_h, x, w_ih, hprev_all, w_hh, grad_x)
