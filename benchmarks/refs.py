"""Hand-written numpy references (forward + hand-derived gradients) for the benchmarks.

Each reference is what a careful numpy user would write by hand for one training step:
float32 throughout, GEMMs in BLAS, no autodiff. They share no code with typedflux so a bug
in the library cannot hide in its own yardstick; run.py checks every reference against
typedflux (and PyTorch) before timing.

>>> import numpy as np
>>> rng = np.random.default_rng(0)
>>> p = mlp_init(rng, (4, 3, 2))
>>> x = rng.standard_normal((5, 4)).astype(np.float32)
>>> y = np.eye(2, dtype=np.float32)[[0, 1, 0, 1, 1]]
>>> loss, grads = mlp_loss_grad(p, x, y)
>>> [g.shape for g in grads] == [q.shape for q in p]
True
"""

from __future__ import annotations

from typing import Any, List, Sequence, Tuple

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

Array = npt.NDArray[Any]
F32 = np.float32


def glorot(rng: np.random.Generator, out: int, fan_in: int, fan_out: int, *rest: int) -> Array:
    """Glorot-uniform weights of shape ``(out, *rest)`` (Flux's default init)."""
    scale = np.sqrt(6.0 / (fan_in + fan_out))
    w: Array = rng.uniform(-scale, scale, size=(out, *rest)).astype(F32)
    return w


def sgd(params: Sequence[Array], grads: Sequence[Array], lr: float) -> None:
    """Descent: ``p -= lr * g`` in place (float32 stays float32: ``lr`` is a Python float)."""
    for p, g in zip(params, grads):
        p -= lr * g


# -- logitcrossentropy (one-hot targets, mean over the batch) ---------------------------------


def logitcrossentropy(z: Array, y: Array) -> Tuple[float, Array]:
    """Loss ``mean_n(-sum_k y[n,k] * logsoftmax(z)[n,k])`` and its gradient wrt ``z``.

    d/dz = (softmax(z) * sum_k y - y) / N."""
    n = z.shape[0]
    m = z.max(axis=1, keepdims=True)
    e = np.exp(z - m)
    s = e.sum(axis=1, keepdims=True)
    logp = z - m - np.log(s)
    loss = float(-(y * logp).sum() / n)
    dz = (e / s * y.sum(axis=1, keepdims=True) - y) / F32(n)
    return loss, dz


# -- MLP -----------------------------------------------------------------------------------------


def mlp_init(rng: np.random.Generator, sizes: Sequence[int]) -> List[Array]:
    """``[W1, b1, W2, b2, ...]`` with ``W`` of shape (out, in) (PyTorch layout), zero biases."""
    params: List[Array] = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        params.append(glorot(rng, fan_out, fan_in, fan_out, fan_in))
        params.append(np.zeros(fan_out, dtype=F32))
    return params


def mlp_loss_grad(params: Sequence[Array], x: Array, y: Array) -> Tuple[float, List[Array]]:
    """Relu MLP (relu on every layer but the last) + logitcrossentropy; grads like params."""
    nl = len(params) // 2
    acts = [x]
    h = x
    for i in range(nl):
        w, b = params[2 * i], params[2 * i + 1]
        h = h @ w.T
        h += b
        if i < nl - 1:
            np.maximum(h, 0, out=h)
        acts.append(h)
    loss, g = logitcrossentropy(h, y)
    grads: List[Array] = [np.empty(0, F32)] * len(params)
    for i in range(nl - 1, -1, -1):
        if i < nl - 1:
            g = g * (acts[i + 1] > 0)
        w = params[2 * i]
        grads[2 * i] = g.T @ acts[i]
        grads[2 * i + 1] = g.sum(axis=0)
        if i > 0:
            g = g @ w
    return loss, grads


# -- CNN: conv3x3(1->8, pad 1)-relu-maxpool2-conv3x3(8->16, pad 1)-relu-maxpool2-flatten-dense --


def cnn_init(rng: np.random.Generator) -> List[Array]:
    """``[Wc1 (8,1,3,3), bc1, Wc2 (16,8,3,3), bc2, Wd (10, 784), bd]``."""
    return [
        glorot(rng, 8, 1 * 9, 8 * 9, 1, 3, 3),
        np.zeros(8, F32),
        glorot(rng, 16, 8 * 9, 16 * 9, 8, 3, 3),
        np.zeros(16, F32),
        glorot(rng, 10, 784, 10, 784),
        np.zeros(10, F32),
    ]


def _im2col3(x: Array) -> Array:
    """3x3 / pad 1 / stride 1 patches of NCHW ``x`` as rows: (N*H*W, C*9)."""
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    win = sliding_window_view(xp, (3, 3), axis=(2, 3))  # (N, C, H, W, 3, 3), a view
    cols: Array = np.ascontiguousarray(win.transpose(0, 2, 3, 1, 4, 5)).reshape(n * h * w, c * 9)
    return cols


def _conv3(x: Array, w: Array, b: Array) -> Tuple[Array, Array]:
    """Conv 3x3 pad 1 in one GEMM; returns (NCHW output, the im2col rows for backward)."""
    n, _, h, wd = x.shape
    cols = _im2col3(x)
    o = w.shape[0]
    out = cols @ w.reshape(o, -1).T
    out += b
    return np.ascontiguousarray(out.reshape(n, h, wd, o).transpose(0, 3, 1, 2)), cols


def _conv3_back(
    g: Array, cols: Array, w: Array, x_shape: Tuple[int, ...], need_dx: bool
) -> Tuple[Any, Array, Array]:
    o = w.shape[0]
    n, c, h, wd = x_shape
    g2 = g.transpose(0, 2, 3, 1).reshape(-1, o)
    gw = (g2.T @ cols).reshape(w.shape)
    gb = g2.sum(axis=0)
    if not need_dx:
        return None, gw, gb
    dcols = (g2 @ w.reshape(o, -1)).reshape(n, h, wd, c, 3, 3)
    dxp = np.zeros((n, c, h + 2, wd + 2), dtype=g.dtype)
    for ki in range(3):
        for kj in range(3):
            dxp[:, :, ki : ki + h, kj : kj + wd] += dcols[:, :, :, :, ki, kj].transpose(0, 3, 1, 2)
    return dxp[:, :, 1:-1, 1:-1], gw, gb


def _maxpool2(x: Array) -> Tuple[Array, Array]:
    """2x2 stride-2 max pool (even H, W); returns (output, mask of the maxima)."""
    n, c, h, w = x.shape
    xr = x.reshape(n, c, h // 2, 2, w // 2, 2)
    out = xr.max(axis=(3, 5))
    mask = xr == out[:, :, :, None, :, None]
    return out, mask


def _maxpool2_back(g: Array, mask: Array) -> Array:
    # Ties all get the gradient; after a relu, tied windows are all-zero and the relu's
    # backward zeroes them again, so this does not change any parameter gradient.
    n, c, h2, _, w2, _ = mask.shape
    dx: Array = (mask * g[:, :, :, None, :, None]).reshape(n, c, 2 * h2, 2 * w2)
    return dx


def cnn_loss_grad(params: Sequence[Array], x: Array, y: Array) -> Tuple[float, List[Array]]:
    """Loss and parameter gradients of the benchmark CNN on NCHW ``x`` (N, 1, 28, 28)."""
    wc1, bc1, wc2, bc2, wd, bd = params
    a1, cols1 = _conv3(x, wc1, bc1)
    h1 = np.maximum(a1, 0)
    p1, m1 = _maxpool2(h1)
    a2, cols2 = _conv3(p1, wc2, bc2)
    h2 = np.maximum(a2, 0)
    p2, m2 = _maxpool2(h2)
    n = x.shape[0]
    f = p2.reshape(n, -1)
    z = f @ wd.T
    z += bd
    loss, dz = logitcrossentropy(z, y)
    gwd = dz.T @ f
    gbd = dz.sum(axis=0)
    dp2 = (dz @ wd).reshape(p2.shape)
    da2 = _maxpool2_back(dp2, m2) * (a2 > 0)
    dp1, gwc2, gbc2 = _conv3_back(da2, cols2, wc2, p1.shape, True)
    da1 = _maxpool2_back(dp1, m1) * (a1 > 0)
    _, gwc1, gbc1 = _conv3_back(da1, cols1, wc1, x.shape, False)
    return loss, [gwc1, gbc1, gwc2, gbc2, gwd, gbd]


# -- a chain of elementwise ops on a 16-vector -----------------------------------------------

# The cycle of ops, applied in order 0, 1, 2, 3, 0, 1, ...: x*a, x+c, tanh(x), x*0.9.
CHAIN_CYCLE = 4


def chain_loss_grad(x: Array, a: Array, c: Array, nops: int) -> Tuple[float, List[Array]]:
    """``sum(f_nops(...f_1(x)))`` with the cycle above; gradients wrt (x, a, c)."""
    saved: List[Array] = []
    h = x
    for i in range(nops):
        k = i % CHAIN_CYCLE
        if k == 0:
            saved.append(h)
            h = h * a
        elif k == 1:
            h = h + c
        elif k == 2:
            h = np.tanh(h)
            saved.append(h)
        else:
            h = h * F32(0.9)
    loss = float(h.sum())
    g = np.ones_like(h)
    ga = np.zeros_like(a)
    gc = np.zeros_like(c)
    for i in range(nops - 1, -1, -1):
        k = i % CHAIN_CYCLE
        if k == 0:
            ga += g * saved.pop()
            g = g * a
        elif k == 1:
            gc += g
        elif k == 2:
            t = saved.pop()
            g = g * (1 - t * t)
        else:
            g = g * F32(0.9)
    return loss, [g, ga, gc]


# -- LSTM (PyTorch layout and gate order i, f, g, o; one bias; zero initial state) ------------


def lstm_init(rng: np.random.Generator, nin: int, hidden: int) -> List[Array]:
    """``[weight_ih (4H, in), weight_hh (4H, H), bias (4H,)]``, uniform(+-1/sqrt(H))."""
    k = 1 / np.sqrt(hidden)
    return [
        rng.uniform(-k, k, (4 * hidden, nin)).astype(F32),
        rng.uniform(-k, k, (4 * hidden, hidden)).astype(F32),
        rng.uniform(-k, k, (4 * hidden,)).astype(F32),
    ]


def _sig(a: Array) -> Array:
    r: Array = 0.5 * (np.tanh(0.5 * a) + 1)  # stable for any |a|
    return r


def lstm_loss_grad(params: Sequence[Array], x: Array) -> Tuple[float, List[Array]]:
    """Loss ``mean(h_T)`` (the last output) of an LSTM over batch-first ``x`` (B, T, in)."""
    wih, whh, b = params
    n, t, nin = x.shape
    hs = whh.shape[1]
    xw = (x.reshape(-1, nin) @ wih.T + b).reshape(n, t, 4 * hs)
    h = np.zeros((n, hs), F32)
    c = np.zeros((n, hs), F32)
    hprev = np.empty((n, t, hs), F32)
    gates = np.empty((n, t, 4 * hs), F32)
    cells = np.empty((n, t + 1, hs), F32)
    cells[:, 0] = 0
    for s in range(t):
        hprev[:, s] = h
        a = xw[:, s] + h @ whh.T
        gt = gates[:, s]
        gt[:, : 2 * hs] = _sig(a[:, : 2 * hs])
        gt[:, 2 * hs : 3 * hs] = np.tanh(a[:, 2 * hs : 3 * hs])
        gt[:, 3 * hs :] = _sig(a[:, 3 * hs :])
        i, f, gg, o = gt[:, :hs], gt[:, hs : 2 * hs], gt[:, 2 * hs : 3 * hs], gt[:, 3 * hs :]
        c = f * c + i * gg
        cells[:, s + 1] = c
        h = o * np.tanh(c)
    loss = float(h.mean())
    dh = np.full((n, hs), 1.0 / h.size, F32)
    dc = np.zeros((n, hs), F32)
    da = np.empty((n, t, 4 * hs), F32)
    for s in range(t - 1, -1, -1):
        gt = gates[:, s]
        i, f, gg, o = gt[:, :hs], gt[:, hs : 2 * hs], gt[:, 2 * hs : 3 * hs], gt[:, 3 * hs :]
        tc = np.tanh(cells[:, s + 1])
        dc = dc + dh * o * (1 - tc * tc)
        d = da[:, s]
        d[:, :hs] = dc * gg * i * (1 - i)
        d[:, hs : 2 * hs] = dc * cells[:, s] * f * (1 - f)
        d[:, 2 * hs : 3 * hs] = dc * i * (1 - gg * gg)
        d[:, 3 * hs :] = dh * tc * o * (1 - o)
        dc = dc * f
        dh = d @ whh
    da2 = da.reshape(-1, 4 * hs)
    gwih = da2.T @ x.reshape(-1, nin)
    gwhh = da2.T @ hprev.reshape(-1, hs)
    return loss, [gwih, gwhh, da2.sum(axis=0)]
