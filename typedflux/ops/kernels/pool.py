"""Pooling kernels: max and mean over windows, as ``kh*kw`` elementwise passes over strided
views (no window copies). Max pooling keeps an integer input's dtype; mean pooling computes
integer and bool input in float32.

>>> import numpy as np
>>> x = np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4)
>>> maxpool2d_forward(x, (2, 2), (2, 2), (0, 0))[0, 0]
array([[ 5.,  7.],
       [13., 15.]])
"""

from __future__ import annotations

from typing import Any, Iterator, Optional, Tuple

import numpy as np

from typedflux.ops.kernels.common import Array, Pair, as_float, zeros
from typedflux.ops.kernels.conv import _conv_out, _pad, _unpad, like

__all__ = ["maxpool2d_forward", "maxpool2d_backward", "meanpool2d_forward", "meanpool2d_backward"]


def _taps(xp: Array, window: Pair, stride: Pair, out_hw: Pair) -> Iterator[Tuple[int, int, Array]]:
    """For each window tap ``(i, j)``: the strided view of ``xp`` it reads at every output
    position, shaped like the output. Pools are ``kh*kw`` elementwise passes over these
    views: no window copies, no argmax over a gathered axis."""
    (oh, ow), (sh, sw) = out_hw, stride
    for i in range(window[0]):
        for j in range(window[1]):
            yield i, j, xp[:, :, i : i + sh * (oh - 1) + 1 : sh, j : j + sw * (ow - 1) + 1 : sw]


def _pool_out(x: Array, window: Pair, stride: Pair, pad: Pair) -> Pair:
    return (_conv_out(x.shape[2], window[0], stride[0], pad[0], 1),
            _conv_out(x.shape[3], window[1], stride[1], pad[1], 1))


def _lowest(x: Array) -> Any:
    # The padding value that never wins a maximum: -inf, or an integer type's minimum.
    if x.dtype.kind in "fc":
        return -np.inf
    return False if x.dtype.kind == "b" else np.iinfo(x.dtype).min


def maxpool2d_forward(x: Array, window: Pair, stride: Pair, pad: Pair) -> Array:
    """Max over each window (padding is -inf, so it never wins). The output is laid out in
    memory like ``x`` (a conv output's (C, H, W, N) order), so the next conv reads it
    without a copy."""
    out_hw = _pool_out(x, window, stride, pad)
    out: Optional[Array] = None
    for _, _, tap in _taps(_pad(x, pad, _lowest(x)), window, stride, out_hw):
        if out is None:
            out = tap.copy(order="K")
        else:
            np.maximum(out, tap, out=out)
    assert out is not None
    return out


def _first_maxima(taps: Iterator[Tuple[int, int, Array]], out: Array, n: int
                  ) -> Iterator[Tuple[int, int, Array]]:
    """For each of the ``n`` window taps ``(i, j, view)`` in row-major order: where that tap
    is the first of its window to hold the window's maximum (ties go to the first, as in
    PyTorch and NNlib). ``free`` marks the windows not yet credited: after the first tap,
    the ones it missed (no mask before it), and nobody reads it after the last tap."""
    free: Optional[Array] = None
    for k, (i, j, tap) in enumerate(taps):
        hit = np.equal(tap, out)
        if free is None:
            free = ~hit
        else:
            hit &= free
            if k < n - 1:
                free ^= hit
        yield i, j, hit


def maxpool2d_backward(
    g: Array, x: Array, out: Array, window: Pair, stride: Pair, pad: Pair
) -> Array:
    """Route each output gradient to the first (row-major) tap of its window that holds the
    maximum; overlapping windows add. Buffers follow ``x``'s memory order, so every pass
    runs along memory and the gradient comes out laid out like ``x``."""
    kh, kw = window
    h, w = x.shape[2:]
    oh, ow = out.shape[2:]
    out_hw = (oh, ow)
    g = like(g, out)
    if stride == window and pad == (0, 0) and h == oh * kh and w == ow * kw:
        # Windows tile the input: each input cell belongs to exactly one tap of one window,
        # so every cell is written once (no zero fill, no scatter-add).
        gx = np.empty_like(x, dtype=g.dtype)
        for i, j, hit in _first_maxima(_taps(x, window, stride, out_hw), out, kh * kw):
            np.multiply(g, hit, out=gx[:, :, i::kh, j::kw])
        return gx
    xp = _pad(x, pad, _lowest(x))
    gxp = np.zeros_like(xp, dtype=g.dtype)
    sh, sw = stride
    for i, j, hit in _first_maxima(_taps(xp, window, stride, out_hw), out, kh * kw):
        gxp[:, :, i : i + sh * (oh - 1) + 1 : sh, j : j + sw * (ow - 1) + 1 : sw] += g * hit
    return _unpad(gxp, pad)


def meanpool2d_forward(x: Array, window: Pair, stride: Pair, pad: Pair) -> Array:
    """Mean over each window; padding counts as zeros in the mean (NNlib's and PyTorch's
    default ``count_include_pad``)."""
    x = as_float(x)
    out_hw = _pool_out(x, window, stride, pad)
    out: Optional[Array] = None
    for _, _, tap in _taps(_pad(x, pad), window, stride, out_hw):
        if out is None:
            out = tap.copy()
        else:
            out += tap
    assert out is not None
    out *= x.dtype.type(1.0 / (window[0] * window[1]))
    return out


def meanpool2d_backward(
    g: Array, x_shape: Tuple[int, ...], window: Pair, stride: Pair, pad: Pair
) -> Array:
    """Spread each output gradient evenly over its window."""
    n, c, h, w = x_shape
    oh, ow = g.shape[2:]
    gs = g / (window[0] * window[1])
    gxp = zeros(g, (n, c, h + 2 * pad[0], w + 2 * pad[1]))
    for i in range(window[0]):
        for j in range(window[1]):
            gxp[:, :, i : i + stride[0] * (oh - 1) + 1 : stride[0],
                j : j + stride[1] * (ow - 1) + 1 : stride[1]] += gs
    return _unpad(gxp, pad)
