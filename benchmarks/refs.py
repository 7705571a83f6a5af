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


# The CNN reference works channel-major (C, N, H, W) inside, so every conv is one GEMM with
# no transposing copies: (O, C*9) @ (C*9, N*H*W) gives the next layer's (O, N, H, W) as is.
# Only the flatten before the dense layer goes back to the NCHW order of the weights.


def _im2col3(x: Array) -> Array:
    """3x3 / pad 1 / stride 1 patches of CNHW ``x`` as columns (C*9, N*H*W): nine strided
    copies, one per tap."""
    c, n, h, w = x.shape
    xp = np.zeros((c, n, h + 2, w + 2), dtype=x.dtype)
    xp[:, :, 1:-1, 1:-1] = x
    cols = np.empty((c, 3, 3, n, h, w), dtype=x.dtype)
    for ki in range(3):
        for kj in range(3):
            cols[:, ki, kj] = xp[:, :, ki : ki + h, kj : kj + w]
    return cols.reshape(c * 9, n * h * w)


def _conv3(x: Array, w: Array, b: Array) -> Tuple[Array, Array]:
    """Conv 3x3 pad 1 of CNHW ``x`` in one GEMM; returns (CNHW output, im2col columns)."""
    _, n, h, wd = x.shape
    cols = _im2col3(x)
    o = w.shape[0]
    out = w.reshape(o, -1) @ cols
    out += b[:, None]
    return out.reshape(o, n, h, wd), cols


def _conv3_back(
    g: Array, cols: Array, w: Array, x_shape: Tuple[int, ...], need_dx: bool
) -> Tuple[Any, Array, Array]:
    """Gradients (dx CNHW or None, dw, db) of :func:`_conv3` from the CNHW output gradient."""
    o = w.shape[0]
    c, n, h, wd = x_shape
    g2 = g.reshape(o, -1)
    gw = (g2 @ cols.T).reshape(w.shape)
    gb = g2.sum(axis=1)
    if not need_dx:
        return None, gw, gb
    dcols = (w.reshape(o, -1).T @ g2).reshape(c, 3, 3, n, h, wd)
    dxp = np.zeros((c, n, h + 2, wd + 2), dtype=g.dtype)
    for ki in range(3):
        for kj in range(3):
            dxp[:, :, ki : ki + h, kj : kj + wd] += dcols[:, ki, kj]
    return dxp[:, :, 1:-1, 1:-1], gw, gb


_TAPS = ((0, 0), (0, 1), (1, 0), (1, 1))


def _maxpool2(x: Array) -> Array:
    """2x2 stride-2 max pool over the last two axes (even sizes): a max of four taps."""
    t = [x[:, :, i::2, j::2] for i, j in _TAPS]
    out: Array = np.maximum(np.maximum(t[0], t[1]), np.maximum(t[2], t[3]))
    return out


def _maxpool2_back(g: Array, x: Array, out: Array) -> Array:
    # Ties all get the gradient; after a relu, tied windows are all-zero and the relu's
    # backward zeroes them again, so this does not change any parameter gradient.
    dx = np.empty(x.shape, dtype=g.dtype)
    for i, j in _TAPS:
        np.multiply(g, x[:, :, i::2, j::2] == out, out=dx[:, :, i::2, j::2])
    return dx


def cnn_loss_grad(params: Sequence[Array], x: Array, y: Array) -> Tuple[float, List[Array]]:
    """Loss and parameter gradients of the benchmark CNN on NCHW ``x`` (N, 1, 28, 28)."""
    wc1, bc1, wc2, bc2, wd, bd = params
    n = x.shape[0]
    xc = x.transpose(1, 0, 2, 3)  # CNHW (a view; free for one input channel)
    a1, cols1 = _conv3(xc, wc1, bc1)
    h1 = np.maximum(a1, 0)
    p1 = _maxpool2(h1)
    a2, cols2 = _conv3(p1, wc2, bc2)
    h2 = np.maximum(a2, 0)
    p2 = _maxpool2(h2)
    f = p2.transpose(1, 0, 2, 3).reshape(n, -1)  # NCHW order, as the dense weights expect
    z = f @ wd.T
    z += bd
    loss, dz = logitcrossentropy(z, y)
    gwd = dz.T @ f
    gbd = dz.sum(axis=0)
    dp2 = (dz @ wd).reshape(n, *p2.shape[:1], *p2.shape[2:]).transpose(1, 0, 2, 3)
    da2 = _maxpool2_back(dp2, h2, p2)
    da2 *= a2 > 0
    dp1, gwc2, gbc2 = _conv3_back(da2, cols2, wc2, p1.shape, True)
    da1 = _maxpool2_back(dp1, h1, p1)
    da1 *= a1 > 0
    _, gwc1, gbc1 = _conv3_back(da1, cols1, wc1, xc.shape, False)
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
