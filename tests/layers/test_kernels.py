"""Layer kernels (typedflux.ops.kernels) against naive loops and finite differences."""

from __future__ import annotations

from typing import Any, Callable, Tuple

import numpy as np
import pytest

from typedflux.ops.kernels.conv import (
    conv2d_backward, conv2d_forward, conv_transpose2d_backward, conv_transpose2d_forward,
)
from typedflux.ops.kernels.dense import dense_backward, dense_forward
from typedflux.ops.kernels.norm import (
    batchnorm_backward, batchnorm_forward, layernorm_backward, layernorm_forward,
)
from typedflux.ops.kernels.pool import (
    maxpool2d_backward, maxpool2d_forward, meanpool2d_backward, meanpool2d_forward,
)
from typedflux.ops.kernels.recurrent import (
    gru_backward, gru_forward, lstm_backward, lstm_forward, rnn_backward, rnn_forward,
)

rng = np.random.default_rng(0)
Array = Any


def naive_conv(x: Array, w: Array, b: Array, stride: Tuple[int, int], pad: Tuple[int, int],
               dil: Tuple[int, int]) -> Array:
    n, c, h, wd = x.shape
    o, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    oh = (h + 2 * pad[0] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (wd + 2 * pad[1] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    y = np.zeros((n, o, oh, ow))
    for bi in range(n):
        for oi in range(o):
            for r in range(oh):
                for s in range(ow):
                    acc = b[oi]
                    for ci in range(c):
                        for i in range(kh):
                            for j in range(kw):
                                acc += w[oi, ci, i, j] * xp[
                                    bi, ci, r * stride[0] + i * dil[0], s * stride[1] + j * dil[1]
                                ]
                    y[bi, oi, r, s] = acc
    return y


def naive_conv_transpose(x: Array, w: Array, b: Array, stride: Tuple[int, int],
                         pad: Tuple[int, int], dil: Tuple[int, int]) -> Array:
    # Scatter form: every input pixel stamps the kernel onto the (uncropped) output.
    n, cin, h, wd = x.shape
    _, o, kh, kw = w.shape
    fh = (h - 1) * stride[0] + dil[0] * (kh - 1) + 1
    fw = (wd - 1) * stride[1] + dil[1] * (kw - 1) + 1
    y = np.zeros((n, o, fh, fw))
    for bi in range(n):
        for ci in range(cin):
            for r in range(h):
                for s in range(wd):
                    for i in range(kh):
                        for j in range(kw):
                            y[bi, :, r * stride[0] + i * dil[0], s * stride[1] + j * dil[1]] += (
                                x[bi, ci, r, s] * w[ci, :, i, j]
                            )
    y = y[:, :, pad[0]: fh - pad[0], pad[1]: fw - pad[1]]
    return y + b[None, :, None, None]


def naive_pool(x: Array, k: Tuple[int, int], s: Tuple[int, int], p: Tuple[int, int],
               op: str) -> Array:
    n, c, h, w = x.shape
    fill = -np.inf if op == "max" else 0.0
    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])), constant_values=fill)
    oh = (h + 2 * p[0] - k[0]) // s[0] + 1
    ow = (w + 2 * p[1] - k[1]) // s[1] + 1
    y = np.zeros((n, c, oh, ow))
    for r in range(oh):
        for q in range(ow):
            win = xp[:, :, r * s[0]: r * s[0] + k[0], q * s[1]: q * s[1] + k[1]]
            y[:, :, r, q] = win.max(axis=(2, 3)) if op == "max" else win.mean(axis=(2, 3))
    return y


CONV_CASES = [
    ((2, 3, 7, 6), (4, 3, 3, 3), (1, 1), (0, 0), (1, 1)),
    ((1, 2, 9, 8), (3, 2, 3, 2), (2, 1), (1, 2), (1, 1)),
    ((2, 1, 10, 10), (2, 1, 3, 3), (2, 3), (1, 0), (2, 1)),
]


@pytest.mark.parametrize("xs,ws,stride,pad,dil", CONV_CASES)
def test_conv2d_matches_naive_loop(xs: Any, ws: Any, stride: Any, pad: Any, dil: Any) -> None:
    x, w, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[0])
    y, _ = conv2d_forward(x, w, b, stride, pad, dil)
    np.testing.assert_allclose(y, naive_conv(x, w, b, stride, pad, dil), atol=1e-10)


@pytest.mark.parametrize("xs,ws,stride,pad,dil", CONV_CASES)
def test_conv_transpose2d_matches_naive_loop(
    xs: Any, ws: Any, stride: Any, pad: Any, dil: Any
) -> None:
    x = rng.normal(size=(xs[0], ws[0], 4, 5))
    w = rng.normal(size=(ws[0], ws[1], ws[2], ws[3]))
    b = rng.normal(size=ws[1])
    y = conv_transpose2d_forward(x, w, b, stride, pad, dil)
    np.testing.assert_allclose(y, naive_conv_transpose(x, w, b, stride, pad, dil), atol=1e-10)


def _numgrad(f: Callable[[], float], a: Array, eps: float = 1e-6) -> Array:
    g = np.zeros_like(a)
    it = np.nditer(a, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = a[i]
        a[i] = old + eps
        up = f()
        a[i] = old - eps
        down = f()
        a[i] = old
        g[i] = (up - down) / (2 * eps)
    return g


@pytest.mark.parametrize("xs,ws,stride,pad,dil", CONV_CASES[1:])
def test_conv_backwards_match_finite_differences(
    xs: Any, ws: Any, stride: Any, pad: Any, dil: Any
) -> None:
    x, w, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[0])
    y, cols = conv2d_forward(x, w, b, stride, pad, dil)
    r = rng.normal(size=y.shape)

    def loss() -> float:
        return float((conv2d_forward(x, w, b, stride, pad, dil)[0] * r).sum())

    gx, gw, gb = conv2d_backward(r, cols, x.shape, w, stride, pad, dil)
    for got, arr in ((gx, x), (gw, w), (gb, b)):
        np.testing.assert_allclose(got, _numgrad(loss, arr), rtol=1e-5, atol=1e-6)

    xt = rng.normal(size=(xs[0], ws[0], 4, 3))
    bt = rng.normal(size=ws[1])
    wt = rng.normal(size=(ws[0], ws[1], ws[2], ws[3]))
    yt = conv_transpose2d_forward(xt, wt, bt, stride, pad, dil)
    rt = rng.normal(size=yt.shape)

    def loss_t() -> float:
        return float((conv_transpose2d_forward(xt, wt, bt, stride, pad, dil) * rt).sum())

    gx, gw, gb = conv_transpose2d_backward(rt, xt, wt, stride, pad, dil)
    for got, arr in ((gx, xt), (gw, wt), (gb, bt)):
        np.testing.assert_allclose(got, _numgrad(loss_t, arr), rtol=1e-5, atol=1e-6)


POOL_CASES = [((2, 2), (2, 2), (0, 0)), ((3, 3), (2, 2), (1, 1)), ((3, 2), (1, 2), (1, 0))]


@pytest.mark.parametrize("k,s,p", POOL_CASES)
def test_pools_match_naive_and_finite_differences(k: Any, s: Any, p: Any) -> None:
    x = rng.normal(size=(2, 3, 7, 6))
    y = maxpool2d_forward(x, k, s, p)
    np.testing.assert_allclose(y, naive_pool(x, k, s, p, "max"))
    m = meanpool2d_forward(x, k, s, p)
    np.testing.assert_allclose(m, naive_pool(x, k, s, p, "mean"), atol=1e-12)
    r = rng.normal(size=y.shape)
    gx = maxpool2d_backward(r, x, y, k, s, p)
    np.testing.assert_allclose(
        gx, _numgrad(lambda: float((maxpool2d_forward(x, k, s, p) * r).sum()), x), atol=1e-6
    )
    gm = meanpool2d_backward(r, x.shape, k, s, p)
    np.testing.assert_allclose(
        gm, _numgrad(lambda: float((meanpool2d_forward(x, k, s, p) * r).sum()), x), atol=1e-6
    )


@pytest.mark.parametrize("training", [True, False])
@pytest.mark.parametrize("shape", [(5, 3), (4, 3, 2, 2)])
def test_batchnorm_reference_and_gradients(training: bool, shape: Any) -> None:
    x = rng.normal(size=shape)
    w, b = rng.normal(size=3), rng.normal(size=3)
    rm, rv = rng.normal(size=3), rng.uniform(0.5, 2, size=3)
    y = batchnorm_forward(x, w, b, rm, rv, training, 1e-5)
    axes = (0,) + tuple(range(2, x.ndim))
    view = (1, 3) + (1,) * (x.ndim - 2)
    mu = x.mean(axis=axes) if training else rm
    var = x.var(axis=axes) if training else rv
    ref = (x - mu.reshape(view)) / np.sqrt(var.reshape(view) + 1e-5) * w.reshape(view)
    np.testing.assert_allclose(y, ref + b.reshape(view), atol=1e-12)
    r = rng.normal(size=shape)
    grads = batchnorm_backward(r, x, w, rm, rv, training, 1e-5)

    def loss() -> float:
        return float((batchnorm_forward(x, w, b, rm, rv, training, 1e-5) * r).sum())

    for got, arr in zip(grads, (x, w, b)):
        np.testing.assert_allclose(got, _numgrad(loss, arr), rtol=1e-5, atol=1e-6)


def test_layernorm_reference_and_gradients() -> None:
    x = rng.normal(size=(2, 3, 5))
    w, b = rng.normal(size=5), rng.normal(size=5)
    y = layernorm_forward(x, w, b, 1e-5)
    ref = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5) * w + b
    np.testing.assert_allclose(y, ref, atol=1e-12)
    r = rng.normal(size=x.shape)
    grads = layernorm_backward(r, x, w, 1e-5)
    for got, arr in zip(grads, (x, w, b)):
        np.testing.assert_allclose(
            got, _numgrad(lambda: float((layernorm_forward(x, w, b, 1e-5) * r).sum()), arr),
            rtol=1e-5, atol=1e-6,
        )


@pytest.mark.parametrize("act", ["identity", "relu", "tanh", "sigmoid"])
def test_dense_gradients(act: str) -> None:
    x, w, b = rng.normal(size=(2, 3, 4)), rng.normal(size=(5, 4)), rng.normal(size=5)
    y = dense_forward(x, w, b, act)
    r = rng.normal(size=y.shape)
    grads = dense_backward(r, y, x, w, act)
    for got, arr in zip(grads, (x, w, b)):
        np.testing.assert_allclose(
            got, _numgrad(lambda: float((dense_forward(x, w, b, act) * r).sum()), arr),
            rtol=1e-5, atol=1e-6,
        )


def _sig(a: Array) -> Array:
    return 1 / (1 + np.exp(-a))


def ref_lstm(x: Array, wih: Array, whh: Array, b: Array) -> Array:
    """PyTorch's documented LSTM equations, one step at a time."""
    n, t, _ = x.shape
    hs = whh.shape[1]
    h, c, out = np.zeros((n, hs)), np.zeros((n, hs)), []
    for s in range(t):
        i = _sig(x[:, s] @ wih[:hs].T + h @ whh[:hs].T + b[:hs])
        f = _sig(x[:, s] @ wih[hs:2 * hs].T + h @ whh[hs:2 * hs].T + b[hs:2 * hs])
        g = np.tanh(x[:, s] @ wih[2 * hs:3 * hs].T + h @ whh[2 * hs:3 * hs].T + b[2 * hs:3 * hs])
        o = _sig(x[:, s] @ wih[3 * hs:].T + h @ whh[3 * hs:].T + b[3 * hs:])
        c = f * c + i * g
        h = o * np.tanh(c)
        out.append(h)
    return np.stack(out, axis=1)


def ref_gru(x: Array, wih: Array, whh: Array, b: Array) -> Array:
    """Flux's GRU cell (one bias, reset gate on the hidden part of the candidate)."""
    n, t, _ = x.shape
    hs = whh.shape[1]
    h, out = np.zeros((n, hs)), []
    for s in range(t):
        gx, gh = x[:, s] @ wih.T + b, h @ whh.T
        r = _sig(gx[:, :hs] + gh[:, :hs])
        z = _sig(gx[:, hs:2 * hs] + gh[:, hs:2 * hs])
        cand = np.tanh(gx[:, 2 * hs:] + r * gh[:, 2 * hs:])
        h = (1 - z) * cand + z * h
        out.append(h)
    return np.stack(out, axis=1)


def ref_rnn(x: Array, wih: Array, whh: Array, b: Array) -> Array:
    h, out = np.zeros((x.shape[0], whh.shape[1])), []
    for s in range(x.shape[1]):
        h = np.tanh(x[:, s] @ wih.T + h @ whh.T + b)
        out.append(h)
    return np.stack(out, axis=1)


@pytest.mark.parametrize("kind,gates", [("rnn", 1), ("lstm", 4), ("gru", 3)])
def test_recurrent_reference_and_bptt(kind: str, gates: int) -> None:
    n, t, fin, hs = 2, 4, 3, 5
    x = rng.normal(size=(n, t, fin))
    wih = rng.normal(size=(gates * hs, fin)) * 0.5
    whh = rng.normal(size=(gates * hs, hs)) * 0.5
    b = rng.normal(size=gates * hs) * 0.5
    ref = {"rnn": ref_rnn, "lstm": ref_lstm, "gru": ref_gru}[kind]

    def fwd() -> Array:
        if kind == "rnn":
            return rnn_forward(x, wih, whh, b)
        if kind == "lstm":
            return lstm_forward(x, wih, whh, b)[0]
        return gru_forward(x, wih, whh, b)[0]

    out = fwd()
    np.testing.assert_allclose(out, ref(x, wih, whh, b), atol=1e-12)
    r = rng.normal(size=out.shape)
    if kind == "rnn":
        grads = rnn_backward(r, out, x, wih, whh)
    elif kind == "lstm":
        _, saved_lstm = lstm_forward(x, wih, whh, b)
        grads = lstm_backward(r, saved_lstm, wih, whh)
    else:
        _, saved = gru_forward(x, wih, whh, b)
        grads = gru_backward(r, out, saved, x, wih, whh)
    for got, arr in zip(grads, (x, wih, whh, b)):
        np.testing.assert_allclose(
            got, _numgrad(lambda: float((fwd() * r).sum()), arr), rtol=1e-5, atol=1e-6
        )


def _naive_maxpool_backward(g: Array, x: Array, k: Any, s: Any, p: Any) -> Array:
    # Each window's gradient to its first (row-major) maximum, one window at a time.
    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])), constant_values=-np.inf)
    gxp = np.zeros_like(xp)
    for b, c, r, q in np.ndindex(*g.shape):
        win = xp[b, c, r * s[0]: r * s[0] + k[0], q * s[1]: q * s[1] + k[1]]
        i, j = np.unravel_index(np.argmax(win), win.shape)  # (argmax: the first maximum)
        gxp[b, c, r * s[0] + i, q * s[1] + j] += g[b, c, r, q]
    return gxp[:, :, p[0]: xp.shape[2] - p[0], p[1]: xp.shape[3] - p[1]]


@pytest.mark.parametrize("k,s,p", POOL_CASES + [((2, 2), (1, 1), (0, 0)), ((3, 3), (3, 3), (0, 0))])
def test_maxpool_backward_credits_the_first_of_tied_maxima(k: Any, s: Any, p: Any) -> None:
    # Values from {0, 1, 2}: most windows hold their maximum more than once, at any taps
    # (after a ReLU, all-zero windows are common); both memory orders of the input.
    x = rng.integers(0, 3, size=(3, 2, 6, 6)).astype(np.float64)
    y = maxpool2d_forward(x, k, s, p)
    g = rng.normal(size=y.shape)
    want = _naive_maxpool_backward(g, x, k, s, p)
    xc = np.ascontiguousarray(x.transpose(1, 2, 3, 0)).transpose(3, 0, 1, 2)
    for xx in (x, xc):
        got = maxpool2d_backward(g, xx, maxpool2d_forward(xx, k, s, p), k, s, p)
        # (Overlapping windows add in another order than the naive loop: rounding only; a
        # gradient routed to the wrong tap is off by a whole entry of g.)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)


@pytest.mark.parametrize("stride", [(2, 2), (1, 1)])
def test_maxpool_ties_go_to_the_first_maximum(stride: Any) -> None:
    x = np.zeros((1, 1, 4, 4))
    x[0, 0, 3, 3] = 1.0
    y = maxpool2d_forward(x, (2, 2), stride, (0, 0))
    g = maxpool2d_backward(np.ones_like(y), x, y, (2, 2), stride, (0, 0))
    first = np.zeros((4, 4))
    if stride == (2, 2):
        first[[0, 0, 2, 3], [0, 2, 0, 3]] = 1.0
    else:
        first[:3, :3] = 1.0  # each all-zero window credits its top-left cell ...
        first[2, 2] = 0.0  # ... but the window at (2, 2) holds the 1 at (3, 3)
        first[3, 3] = 1.0
    assert g[0, 0].tolist() == first.tolist()
