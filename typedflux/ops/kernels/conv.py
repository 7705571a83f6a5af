"""Convolution kernels (NCHW images, PyTorch's weight layouts: conv ``(out, in, kh, kw)``,
transposed conv ``(in, out, kh, kw)``): im2col/col2im in two layouts (the channel-major
``_cm`` ones keep the batch innermost, the order conv outputs are stored in), the padding and
output-size helpers pools share, and the conv and transposed-conv forwards and backwards.

>>> import numpy as np
>>> x, w = np.ones((1, 1, 4, 4), np.float32), np.ones((2, 1, 3, 3), np.float32)
>>> out, cols = conv2d_forward(x, w, np.zeros(2, np.float32), (1, 1), (0, 0), (1, 1))
>>> out.shape, out[0, 0, 0, 0].item()
((1, 2, 2, 2), 9.0)
"""

from __future__ import annotations

from typing import Optional, Tuple

import numpy as np

from typedflux.ops.kernels.common import Array, Pair, _act, _act_grad, as_param, empty, zeros

__all__ = [
    "im2col", "col2im", "like", "im2col_cm", "col2im_cm", "conv2d_forward", "conv2d_backward",
    "conv_transpose2d_forward", "conv_transpose2d_backward"
]


def _span(k: int, d: int) -> int:
    return d * (k - 1) + 1


def im2col(xp: Array, kernel: Pair, stride: Pair, dilation: Pair, out_hw: Pair) -> Array:
    """Columns ``(C*kh*kw, B*OH*OW)`` of an already padded ``xp`` (B, C, Hp, Wp).

    Row ``(c, i, j)`` holds the input pixel under kernel tap ``(i, j)`` of channel ``c`` for
    every output position, so a conv is ONE GEMM ``W(out, C*kh*kw) @ cols``.
    """
    b, c = xp.shape[:2]
    (kh, kw), (sh, sw), (dh, dw), (oh, ow) = kernel, stride, dilation, out_hw
    cols = empty(xp, (c, kh, kw, b, oh, ow))
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i * dh : i * dh + sh * (oh - 1) + 1 : sh,
                       j * dw : j * dw + sw * (ow - 1) + 1 : sw]
            cols[:, i, j] = patch.transpose(1, 0, 2, 3)
    return cols.reshape(c * kh * kw, b * oh * ow)


def col2im(
    cols: Array, padded_shape: Tuple[int, int, int, int], kernel: Pair, stride: Pair,
    dilation: Pair, out_hw: Pair,
) -> Array:
    """The adjoint of :func:`im2col`: scatter-add columns back into a padded image."""
    b, c, hp, wp = padded_shape
    (kh, kw), (sh, sw), (dh, dw), (oh, ow) = kernel, stride, dilation, out_hw
    xp = zeros(cols, padded_shape)
    c6 = cols.reshape(c, kh, kw, b, oh, ow)
    for i in range(kh):
        for j in range(kw):
            xp[:, :, i * dh : i * dh + sh * (oh - 1) + 1 : sh,
               j * dw : j * dw + sw * (ow - 1) + 1 : sw] += c6[:, i, j].transpose(1, 0, 2, 3)
    return xp


def _pad(x: Array, pad: Pair, value: float = 0.0) -> Array:
    if pad == (0, 0):
        return x
    ph, pw = pad
    n, c, h, w = x.shape
    # Same memory order as x (batch-innermost after a conv), unlike np.pad's C order.
    xp = np.full_like(x, value, shape=(n, c, h + 2 * ph, w + 2 * pw))
    xp[:, :, ph : ph + h, pw : pw + w] = x
    return xp


def _unpad(xp: Array, pad: Pair) -> Array:
    ph, pw = pad
    return xp[:, :, ph : xp.shape[2] - ph, pw : xp.shape[3] - pw]


def _conv_out(h: int, k: int, s: int, p: int, d: int) -> int:
    return (h + 2 * p - d * (k - 1) - 1) // s + 1


# -- conv2d -----------------------------------------------------------------------------------


def _tap_range(i: int, k_step: int, pad: int, stride: int, n_in: int, n_out: int
               ) -> Tuple[int, int, int]:
    """For kernel tap ``i``: the output positions ``[lo, hi)`` whose input position
    ``o*stride + i*k_step - pad`` lies inside ``[0, n_in)``, and the first such input."""
    off = i * k_step - pad
    lo = max(0, -(off // stride) if off < 0 else 0)
    while lo * stride + off < 0:
        lo += 1
    last = n_in - 1 - off  # o*stride <= last
    hi = min(n_out, last // stride + 1) if last >= 0 else 0
    hi = max(hi, lo)
    return lo, hi, lo * stride + off


def _memory_order(a: Array) -> Tuple[int, ...]:
    return tuple(sorted(range(a.ndim), key=lambda k: -abs(a.strides[k])))


def like(a: Array, ref: Array) -> Array:
    """``a`` laid out in memory like ``ref`` (same shape): itself when it already is, else
    one reordering copy. Several passes that mix the two orders cost more than that copy
    (a gradient arriving in NCHW order for a conv output stored batch-innermost).

    >>> ref = np.zeros((2, 3)).T
    >>> like(np.ones((3, 2)), ref).strides == ref.strides
    True
    """
    if a.ndim < 2 or a.strides == ref.strides or _memory_order(a) == _memory_order(ref):
        return a
    out = np.empty_like(ref, dtype=a.dtype)
    out[...] = a
    return out


def _chwn(x: Array) -> Array:
    """The (C, H, W, N) view of an NCHW array: the order convolutions store their outputs
    in, so a spatial shift of a tap is a slice whose rows are ``W*N`` contiguous values."""
    v: Array = x.transpose(1, 2, 3, 0)
    return v


def im2col_cm(
    x: Array, kernel: Pair, stride: Pair, pad: Pair, dilation: Pair, out_hw: Pair,
    ones_row: bool = False,
) -> Array:
    """Columns ``(C*kh*kw [+1], OH*OW*N)`` of NCHW ``x``, columns ordered (oh, ow, n): one
    copy per tap from a zero-padded (C, H, W, N) copy of ``x``; with the batch innermost
    every copy moves long contiguous runs (``OW*N`` values at stride 1). ``ones_row``
    appends a row of ones, so the bias rides in the GEMM.

    >>> x = np.arange(8.0).reshape(2, 1, 2, 2)
    >>> im2col_cm(x, (1, 1), (1, 1), (0, 0), (1, 1), (2, 2)).tolist()
    [[0.0, 4.0, 1.0, 5.0, 2.0, 6.0, 3.0, 7.0]]
    """
    n, c, h, w = x.shape
    (kh, kw), (sh, sw), (ph, pw), (dh, dw), (oh, ow) = kernel, stride, pad, dilation, out_hw
    xc = _chwn(x)
    if ph or pw:
        xp = zeros(x, (c, h + 2 * ph, w + 2 * pw, n))
        xp[:, ph : ph + h, pw : pw + w] = xc
    else:
        xp = xc
    rows = c * kh * kw
    cols = empty(x, (rows + int(ones_row), oh * ow * n))
    c6 = cols[:rows].reshape(c, kh, kw, oh, ow, n)
    for i in range(kh):
        for j in range(kw):
            c6[:, i, j] = xp[:, i * dh : i * dh + sh * (oh - 1) + 1 : sh,
                             j * dw : j * dw + sw * (ow - 1) + 1 : sw]
    if ones_row:
        cols[rows] = 1
    return cols


def col2im_cm(
    gcols: Array, x_shape: Tuple[int, ...], kernel: Pair, stride: Pair, pad: Pair,
    dilation: Pair, out_hw: Pair,
) -> Array:
    """The adjoint of :func:`im2col_cm` (without a ones row): the NCHW input gradient (a view
    of (C, H, W, N) memory). Each tap adds its in-bounds part straight into the unpadded
    gradient (what falls on the padding is dropped anyway)."""
    n, c, h, w = x_shape
    (kh, kw), (sh, sw), (ph, pw), (dh, dw), (oh, ow) = kernel, stride, pad, dilation, out_hw
    c6 = gcols.reshape(c, kh, kw, oh, ow, n)
    taps = []
    first = None
    for i in range(kh):
        r0, r1, ir = _tap_range(i, dh, ph, sh, h, oh)
        for j in range(kw):
            q0, q1, iq = _tap_range(j, dw, pw, sw, w, ow)
            if r1 <= r0 or q1 <= q0:
                continue
            tap = (i, j, r0, r1, ir, q0, q1, iq)
            # A tap that covers every input cell exactly once initialises the buffer (no
            # zero fill): the centre tap of a stride-1 "same" convolution.
            full = sh == sw == 1 and ir == 0 and iq == 0 and r1 - r0 == h and q1 - q0 == w
            if first is None and full:
                first = tap
            else:
                taps.append(tap)
    if first is not None:
        i, j, r0, r1, _, q0, q1, _ = first
        gx = c6[:, i, j, r0:r1, q0:q1].copy(order="C")
    else:
        gx = zeros(gcols, (c, h, w, n))
    for i, j, r0, r1, ir, q0, q1, iq in taps:
        gx[:, ir : ir + sh * (r1 - r0 - 1) + 1 : sh,
           iq : iq + sw * (q1 - q0 - 1) + 1 : sw] += c6[:, i, j, r0:r1, q0:q1]
    nchw: Array = gx.transpose(3, 0, 1, 2)
    return nchw


def conv2d_forward(
    x: Array, w: Array, b: Optional[Array], stride: Pair, pad: Pair, dilation: Pair,
    activation: str = "identity",
) -> Tuple[Array, Array]:
    """Cross-correlation (PyTorch's conv2d) then a fused activation (identity, relu, tanh,
    sigmoid). Returns the output and the im2col buffer, which the backward reuses for the
    weight gradient.

    Batch-innermost inside: the GEMM ``(O, C*kh*kw) @ cols`` gives ``(O, OH*OW*N)``,
    returned as an NCHW view of that (C, H, W, N) memory (no transposing copy); the next
    conv or pool reads it in that order. A bias is a column of the weight matrix against a
    row of ones in ``cols`` (no pass over the output; its gradient falls out of the
    weight-gradient GEMM)."""
    x = as_param(x, w)
    n = x.shape[0]
    o, c, kh, kw = w.shape
    oh = _conv_out(x.shape[2], kh, stride[0], pad[0], dilation[0])
    ow = _conv_out(x.shape[3], kw, stride[1], pad[1], dilation[1])
    cols = im2col_cm(x, (kh, kw), stride, pad, dilation, (oh, ow), ones_row=b is not None)
    wm = w.reshape(o, -1)
    if b is not None:
        wm = np.concatenate([wm, b.reshape(o, 1).astype(wm.dtype, copy=False)], axis=1)
    y = wm @ cols  # (O, OH*OW*N): the one GEMM
    y = _act(y, activation)
    return y.reshape(o, oh, ow, n).transpose(3, 0, 1, 2), cols


def conv2d_backward(
    g: Array, cols: Array, x_shape: Tuple[int, ...], w: Array, stride: Pair, pad: Pair,
    dilation: Pair, out: Optional[Array] = None, activation: str = "identity",
    grad_x: bool = True,
) -> Tuple[Optional[Array], Array, Array]:
    """Gradients for (x, w, b) from the saved columns: two GEMMs and a col2im (one GEMM
    when ``x`` needs no gradient). ``out`` is the forward output, for the activation."""
    o, c, kh, kw = w.shape
    n, _, oh, ow = g.shape
    if activation != "identity":
        assert out is not None
        g = _act_grad(like(g, out), out, activation)
    g2 = _chwn(g).reshape(o, -1)  # free when g lies like the output (the usual case)
    rows = c * kh * kw
    # (cols @ g2.T).T, not g2 @ cols.T: OpenBLAS runs this skinny GEMM (a long shared
    # dimension, few rows on both sides) ~1.5x faster with the long operand on the left.
    gwb = (cols @ g2.T).T
    if cols.shape[0] == rows + 1:  # the bias row: its column is the bias gradient
        gw = gwb[:, :rows].reshape(w.shape)
        gb = gwb[:, rows].copy()
    else:
        gw = gwb.reshape(w.shape)
        gb = g2.sum(axis=1)
    if not grad_x:
        return None, gw, gb
    gcols = w.reshape(o, -1).T @ g2
    gx = col2im_cm(gcols, x_shape, (kh, kw), stride, pad, dilation, (oh, ow))
    return gx, gw, gb


# -- conv_transpose2d -------------------------------------------------------------------------


def conv_transpose2d_forward(
    x: Array, w: Array, b: Optional[Array], stride: Pair, pad: Pair, dilation: Pair
) -> Array:
    """The adjoint of conv2d wrt its input (PyTorch's conv_transpose2d, weight (in, out,
    kh, kw)): ``(H-1)*stride - 2*pad + dilation*(k-1) + 1`` output rows."""
    x = as_param(x, w)
    n, cin, h, wd = x.shape
    _, o, kh, kw = w.shape
    x2 = x.transpose(1, 0, 2, 3).reshape(cin, -1)
    cols = w.reshape(cin, -1).T @ x2  # (O*kh*kw, B*H*W)
    full = (
        (h - 1) * stride[0] + dilation[0] * (kh - 1) + 1,
        (wd - 1) * stride[1] + dilation[1] * (kw - 1) + 1,
    )
    yp = col2im(cols, (n, o, full[0], full[1]), (kh, kw), stride, dilation, (h, wd))
    y = _unpad(yp, pad)
    if b is not None:
        y = y + b[None, :, None, None]
    return y if y.flags.c_contiguous else y.copy()


def conv_transpose2d_backward(
    g: Array, x: Array, w: Array, stride: Pair, pad: Pair, dilation: Pair
) -> Tuple[Array, Array, Array]:
    """Gradients for (x, w, b): the input gradient is a plain conv2d of ``g``."""
    x = as_param(x, w)
    n, cin, h, wd = x.shape
    _, o, kh, kw = w.shape
    gcols = im2col(_pad(g, pad), (kh, kw), stride, dilation, (h, wd))  # (O*kh*kw, B*H*W)
    x2 = x.transpose(1, 0, 2, 3).reshape(cin, -1)
    gx = (w.reshape(cin, -1) @ gcols).reshape(cin, n, h, wd).transpose(1, 0, 2, 3)
    gw = (x2 @ gcols.T).reshape(w.shape)
    return gx, gw, g.sum(axis=(0, 2, 3))
