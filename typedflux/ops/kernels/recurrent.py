"""Recurrent kernels over whole sequences (batch-first ``(B, T, in)``): RNN, LSTM and GRU,
each input projection of all time steps in one GEMM, and the backward through time with the
weight gradients of all steps at once.

One forward loop and one backpropagation-through-time loop per cell (``*_run``,
``*_bptt``), from any initial state. The LSTM's run time-major inside (``(T, B, ...)``
states, each gate of each step one contiguous block), so nearly every call of a step works
on contiguous arrays; its callers copy to and from batch-first once. The other cells'
loops are batch-first. The zero-state kernels here (``rnn_forward`` ...) start
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
    "lstm_bptt", "lstm_finish", "time_major", "batch_first", "gru_run", "gru_bptt",
    "gru_finish",
]

WeightGrads = Tuple[Optional[Array], Array, Array, Array]
# lstm_run's hidden and cell states (T+1, B, H), gates (T, 4, B, H) and tanh(c_t) (T, B, H).
LstmState = Tuple[Array, Array, Array, Array]
# What lstm_forward keeps for the backward: the time-major inputs, then lstm_run's results.
LstmSaved = Tuple[Array, Array, Array, Array, Array]


# From this many steps on, a cell's loop multiplies by a C-ordered copy of ``W_hh^T``:
# OpenBLAS's small GEMM takes ``h @ w_hh.T`` (a transposed operand) 1.3-3x as long on its
# AVX-512 kernels (16x64 @ 64x256: 14.3 against 4.9 us), and numpy's transposing copy costs
# about one to seven such steps' saving (benchmarks/PROFILE.md, thirteenth pass): a decoder
# called one step at a time never copies.
_COPY_FROM_STEPS = 8


def _hidden_weight(w_hh: Array, steps: int) -> Array:
    # ``W_hh^T`` for the steps' GEMMs (see _COPY_FROM_STEPS).
    w_t: Array = w_hh.T.copy() if steps >= _COPY_FROM_STEPS else w_hh.T
    return w_t


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
    """Every time step's input projection in ONE GEMM: ``(B, T, in) @ (in, g*H) + b`` (or
    time-major, ``(T, B, in)`` in and ``(T, B, g*H)`` out)."""
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
    w_t = _hidden_weight(w_hh, t)
    for s in range(t):
        h = np.tanh(xw[:, s] + h @ w_t)
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


def time_major(x: Array, w: Array) -> Array:
    """``(B, T, in)`` as a C-ordered ``(T, B, in)`` copy in ``w``'s dtype: every step's
    inputs one contiguous block."""
    xt: Array = as_param(x, w).transpose(1, 0, 2).copy()
    return xt


def lstm_run(xw: Array, h: Array, c: Array, w_hh: Array) -> LstmState:
    """LSTM steps (PyTorch gate order i, f, g, o) over the time-major input projections
    ``xw`` (``(T, B, 4H)``) from ``(h, c)`` (``(B, H)``). Returns the hidden and cell states
    ``(T+1, B, H)`` (the start at index 0), the activated gates ``(T, 4, B, H)`` and
    ``tanh(c_t)`` ``(T, B, H)``: each step reads and writes whole contiguous blocks (a
    strided operand costs a numpy call ~0.5-1 us more, ~30 calls a step), and the backward
    reads the saved ``tanh(c_t)`` rather than computing it again."""
    t, n, _ = xw.shape
    hsize = w_hh.shape[1]
    hs = empty(xw, (t + 1, n, hsize))
    cs = np.empty_like(hs)
    gates = empty(xw, (t, 4, n, hsize))
    tcs = empty(xw, (t, n, hsize))
    hs[0] = h
    cs[0] = c
    w_t = _hidden_weight(w_hh, t)
    a = empty(xw, (n, 4 * hsize))
    fc = empty(xw, (n, hsize))
    h2, h3 = 2 * hsize, 3 * hsize
    for s in range(t):
        np.matmul(hs[s], w_t, out=a)
        a += xw[s]
        i, f, g, o = gates[s]
        _sigmoid(a[:, :hsize], out=i)
        _sigmoid(a[:, hsize:h2], out=f)
        np.tanh(a[:, h2:h3], out=g)
        _sigmoid(a[:, h3:], out=o)
        np.multiply(f, cs[s], out=fc)
        c_t = cs[s + 1]
        np.multiply(i, g, out=c_t)
        c_t += fc
        np.tanh(c_t, out=tcs[s])
        np.multiply(o, tcs[s], out=hs[s + 1])
    return hs, cs, gates, tcs


def lstm_bptt(g_h: Array, g_c: Optional[Array], gates: Array, cs: Array, tcs: Array,
              w_hh: Array) -> Tuple[Array, Array, Array]:
    """BPTT for :func:`lstm_run` with gradients ``g_h`` arriving at every hidden state (and
    ``g_c`` at every cell state, or none), both batch-first ``(B, T, H)``: the time-major
    pre-activation gradients ``(T, B, 4H)`` and the gradients of the initial ``h`` and
    ``c``."""
    t, _, n, hsize = gates.shape
    da = empty(gates, (t, n, 4 * hsize))
    dh_next = zeros(cs, (n, hsize))
    dc_next = zeros(cs, (n, hsize))
    dh, dc, u, v = (empty(cs, (n, hsize)) for _ in range(4))
    h2, h3 = 2 * hsize, 3 * hsize
    for s in range(t - 1, -1, -1):
        i, f, gg, o = gates[s]
        tc = tcs[s]
        np.add(dh_next, g_h[:, s], out=dh)
        np.multiply(dh, o, out=dc)
        np.multiply(tc, tc, out=u)
        np.subtract(1, u, out=u)
        dc *= u
        dc += dc_next
        if g_c is not None:
            dc += g_c[:, s]
        d = da[s]
        np.multiply(dc, gg, out=u)
        u *= i
        np.subtract(1, i, out=v)
        np.multiply(u, v, out=d[:, :hsize])
        np.multiply(dc, cs[s], out=u)
        u *= f
        np.subtract(1, f, out=v)
        np.multiply(u, v, out=d[:, hsize:h2])
        np.multiply(dc, i, out=u)
        np.multiply(gg, gg, out=v)
        np.subtract(1, v, out=v)
        np.multiply(u, v, out=d[:, h2:h3])
        np.multiply(dh, tc, out=u)
        u *= o
        np.subtract(1, o, out=v)
        np.multiply(u, v, out=d[:, h3:])
        np.multiply(dc, f, out=dc_next)
        np.matmul(d, w_hh, out=dh_next)
    return da, dh_next, dc_next


def lstm_finish(da: Array, xt: Array, w_ih: Array, hs: Array, grad_x: bool = True
                ) -> WeightGrads:
    """Gradients of (x, w_ih, w_hh, b) from the time-major pre-activation gradients ``da``,
    inputs ``xt`` and hidden states ``hs`` (:func:`lstm_run`'s, the start first), all steps
    at once; the input's gradient batch-first."""
    t, n, g = da.shape
    # (Sizes spelled out, not -1: an empty batch or sequence has no size to infer.)
    da2 = da.reshape(t * n, g)
    gx = None
    if grad_x:
        gx = (da2 @ w_ih).reshape(t, n, w_ih.shape[1]).transpose(1, 0, 2).copy()
    gwih = da2.T @ xt.reshape(t * n, xt.shape[2])
    gwhh = da2.T @ hs[:-1].reshape(t * n, hs.shape[2])
    return gx, gwih, gwhh, da2.sum(axis=0)


def batch_first(states: Array) -> Array:
    """The states ``(T+1, B, H)`` of :func:`lstm_run` after each step, batch-first
    ``(B, T, H)`` and C-ordered."""
    out: Array = states[1:].transpose(1, 0, 2).copy()
    return out


def lstm_forward(x: Array, w_ih: Array, w_hh: Array, b: Array) -> Tuple[Array, LstmSaved]:
    """LSTM from zero states, PyTorch gate order (i, f, g, o). Returns all h_t, plus what the
    backward needs (the time-major inputs and :func:`lstm_run`'s results)."""
    n = x.shape[0]
    xt = time_major(x, w_ih)
    xw = input_part(xt, w_ih, b)
    h = start_state(None, n, w_hh, xw)
    hs, cs, gates, tcs = lstm_run(xw, h, np.zeros_like(h), w_hh)
    return batch_first(hs), (xt, hs, cs, gates, tcs)


def lstm_backward(
    g: Array, saved: LstmSaved, w_ih: Array, w_hh: Array, grad_x: bool = True,
) -> WeightGrads:
    """BPTT for :func:`lstm_forward` from what it saved."""
    xt, hs, cs, gates, tcs = saved
    da, _, _ = lstm_bptt(g, None, gates, cs, tcs, w_hh)
    return lstm_finish(da, xt, w_ih, hs, grad_x)


# -- GRU ---------------------------------------------------------------------------------------


def gru_run(xw: Array, h: Array, w_hh: Array) -> Tuple[Array, Array]:
    """Flux's GRU cell (PyTorch's block order r, z, n, one bias) from ``h``:
    ``r, z = σ(Wi x + Wh h + b)``, ``n = tanh(Wi_n x + r*(Wh_n h) + b_n)``,
    ``h' = (1-z)*n + z*h``. Returns all h_t and the saved (r, z, n, Wh_n h) per step."""
    n_, t, _ = xw.shape
    hsize = w_hh.shape[1]
    out = empty(xw, (n_, t, hsize))
    saved = empty(xw, (n_, t, 4 * hsize))
    w_t = _hidden_weight(w_hh, t)
    for s in range(t):
        hw = h @ w_t
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
