"""Numpy kernels of the fused layer primitives: forwards and hand-written backwards.

Plain functions over ndarrays, so the primitives in :mod:`typedflux.ops.layers_nn` and
:mod:`typedflux.ops.basic_nn` stay one line each and the kernels can be tested against naive
loops. Layouts follow PyTorch: NCHW images, conv weight ``(out, in, kh, kw)``,
transposed-conv weight ``(in, out, kh, kw)``.

Input dtypes (Flux's rule): a kernel with parameters computes in their float dtype, so an
integer, bool or other-precision float input is converted to it first (:func:`as_param`;
float64 into float32 parameters warns once per layer, as Flux's "Layer with Float32
parameters got Float64 input");
mean pooling computes in float32 for integer or bool input (:func:`as_float`); max pooling
keeps an integer input's dtype (the maximum is exact). Nothing is ever truncated to an
integer result. The tape casts each input's gradient back to the input's own dtype.

>>> import numpy as np
>>> x = np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4)
>>> maxpool2d_forward(x, (2, 2), (2, 2), (0, 0))[0, 0]
array([[ 5.,  7.],
       [13., 15.]])
"""

from __future__ import annotations

import functools
import sys
import warnings
import weakref
from typing import Any, Dict, Iterator, Optional, Tuple

import numpy as np
import numpy.typing as npt

__all__ = [
    "ones",
    "empty",
    "zeros",
    "im2col",
    "col2im",
    "dense_forward",
    "dense_vjp",
    "dense_backward",
    "conv2d_forward",
    "conv2d_backward",
    "conv_transpose2d_forward",
    "conv_transpose2d_backward",
    "maxpool2d_forward",
    "maxpool2d_backward",
    "meanpool2d_forward",
    "meanpool2d_backward",
    "batchnorm_forward",
    "batchnorm_backward",
    "layernorm_forward",
    "layernorm_backward",
    "as_param",
    "as_float",
    "PrecisionWarning",
]

Array = npt.NDArray[Any]
Pair = Tuple[int, int]


_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_ONES: Dict[Tuple[int, Any], Array] = {}


def ones(n: int, dtype: Any) -> Array:
    """A read-only vector of ``n`` ones, cached per length and dtype: the left operand of the
    GEMVs that sum columns (``np.ones`` is a Python-level call costing ~1 us per use).

    >>> ones(3, np.float32)
    array([1., 1., 1.], dtype=float32)
    """
    key = (n, dtype)
    a = _ONES.get(key)
    if a is None:
        if len(_ONES) >= 256:
            _ONES.clear()
        a = np.ones(n, dtype=dtype)
        a.flags.writeable = False
        _ONES[key] = a
    return a


class PrecisionWarning(UserWarning):
    """A layer's float input was converted to its parameters' lower precision."""


# id(parameter array) -> weak reference to it: parameters whose layer already warned.
_WARNED: Dict[int, Any] = {}


def as_param(x: Array, w: Array) -> Array:
    """``x`` in the parameters' dtype (``w``'s), the dtype a layer kernel computes in. As
    Flux does, a float input of higher precision (float64 into float32 parameters) is
    converted with a :class:`PrecisionWarning`, once per parameter array (so once per
    layer); integer and bool input is converted silently.

    >>> as_param(np.array([1, 2]), np.zeros(2, np.float32)).dtype
    dtype('float32')
    """
    if x.dtype is w.dtype:
        return x
    if x.dtype.kind == "f" and x.dtype.itemsize > w.dtype.itemsize and id(w) not in _WARNED:
        _warn_precision(x, w)
    return x.astype(w.dtype)


def _warn_precision(x: Array, w: Array) -> None:
    key = id(w)
    _WARNED[key] = weakref.ref(w, functools.partial(_unwarn, key))
    dims = ", ".join(map(str, w.shape))
    warnings.warn(
        f"A layer with {w.dtype} parameters (Tensor[{dims}]) got {x.dtype} input; the input "
        f"is converted to {w.dtype}. Make the input {w.dtype} (tf.tensor(x, "
        f"dtype=tf.{w.dtype})) to silence this warning, shown once per layer.",
        PrecisionWarning,
        stacklevel=_caller_level(),
    )


def _unwarn(key: int, ref: Any, warned: Dict[int, Any] = _WARNED) -> None:
    # (The table is bound as a default: at interpreter exit, module globals may be gone.)
    if warned.get(key) is ref:
        del warned[key]


def _caller_level() -> int:
    # The warning points at the first frame outside typedflux: the user's layer call.
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("typedflux"):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def as_float(x: Array) -> Array:
    """``x`` as floats for a kernel without parameters: a float input as it is, integer and
    bool input as float32 (typedflux's default float).

    >>> as_float(np.array([1, 2])).dtype, as_float(np.zeros(1, np.float64)).dtype
    (dtype('float32'), dtype('float64'))
    """
    return x if x.dtype.kind in "fc" else x.astype(_F32)


def empty(like: Array, shape: Tuple[int, ...]) -> Array:
    """A new C-order array of ``shape`` with ``like``'s dtype. Kernels make their buffers from
    an argument this way (not ``np.empty(shape)``): while ``tf.compile`` records a step it
    sees the buffer made, and can replay writes into it.

    >>> empty(np.zeros(2, np.float32), (3,)).dtype
    dtype('float32')
    """
    out: Array = np.empty_like(like, shape=shape, order="C")
    return out


def zeros(like: Array, shape: Tuple[int, ...]) -> Array:
    """Like :func:`empty`, filled with zeros.

    >>> zeros(np.ones(2), (2, 1)).tolist()
    [[0.0], [0.0]]
    """
    out: Array = np.zeros_like(like, shape=shape, order="C")
    return out


# -- dense ------------------------------------------------------------------------------------


def _act(pre: Array, activation: str) -> Array:
    if activation == "identity":
        return pre
    if activation == "relu":
        np.maximum(pre, 0, out=pre)
        return pre
    if activation == "tanh":
        np.tanh(pre, out=pre)
        return pre
    if activation == "sigmoid":
        return _sigmoid(pre, out=pre)
    raise ValueError(f"dense: activation {activation!r} is not fused")


def _act_grad(g: Array, out: Array, activation: str) -> Array:
    """``g * act'(pre)`` written in terms of the output (all four fused activations allow it)."""
    if activation == "identity":
        return g
    if activation == "relu":
        return g * (out > 0)
    if activation == "tanh":
        r: Array = g * (1 - out * out)
        return r
    if activation == "sigmoid":
        s: Array = g * out * (1 - out)
        return s
    raise ValueError(f"dense: activation {activation!r} is not fused")


def dense_forward(
    x: Array, w: Array, b: Any, activation: str, grad_x: bool = True
) -> Array:
    """``act(x @ w.T + b)`` over any leading dims of ``x``; ``b`` is an array or anything
    else for no bias (a layer without one passes ``0.0``). Takes the dense primitive's
    arguments (``grad_x`` is unused here) so it is bound as the forward directly."""
    if x.dtype is not w.dtype:
        x = as_param(x, w)
    rows = x.size // x.shape[-1] if x.shape[-1] else 0
    if x.ndim == 2 and 0 < rows < w.shape[0]:
        # Fewer samples than output features (a small batch into a wide layer): OpenBLAS
        # runs ``w @ x.T`` up to ~1.5x faster than ``x @ w.T`` (measured: 784->256 at batch
        # 32, 184 us vs 122 us including the transposing copy back to C order, which keeps
        # the elementwise passes that follow running along memory).
        pre: Array = (w @ x.T).T.copy()
    else:
        pre = x @ w.T
    if isinstance(b, np.ndarray):
        pre += b
    if activation == "relu":  # the common cases without another call
        np.maximum(pre, 0, out=pre)
        return pre
    if activation == "identity":
        return pre
    return _act(pre, activation)


def dense_vjp(
    g: Array, out: Array, x: Array, w: Array, b: Any, activation: str, grad_x: bool
) -> Tuple[Optional[Array], Array, Optional[Array]]:
    """The dense primitive's VJP: gradients for (x, w, b), two GEMMs on the flattened batch
    (one when ``x`` needs no gradient, e.g. the data fed to a first layer); ``None`` for a
    bias that is not an array."""
    if x.dtype is not w.dtype:
        x = as_param(x, w)
    if activation == "relu":  # the common cases without another call
        gp = g * (out > 0)
    elif activation == "identity":
        gp = g
    else:
        gp = _act_grad(g, out, activation)
    g2 = gp if gp.ndim == 2 else gp.reshape(-1, gp.shape[-1])
    x2 = x if x.ndim == 2 else x.reshape(-1, x.shape[-1])
    gb: Optional[Array] = None
    if isinstance(b, np.ndarray):
        # The bias gradient (a column sum) as a BLAS GEMV with ones: 2-4x faster than
        # numpy's axis-0 reduction (measured [256, 256] float32: 6 us vs 15 us). Other
        # dtypes (float16 would also sum in float16 in a matmul) keep the ufunc reduction.
        dt = g2.dtype
        if dt is _F32 or dt is _F64:
            n = g2.shape[0]
            o = _ONES.get((n, dt))
            gb = (o if o is not None else ones(n, dt)) @ g2
        else:
            gb = np.add.reduce(g2, axis=0)
    return (gp @ w if grad_x else None), g2.T @ x2, gb


def dense_backward(
    g: Array, out: Array, x: Array, w: Array, activation: str, grad_x: bool = True
) -> Tuple[Optional[Array], Array, Array]:
    """Gradients for (x, w, b) of :func:`dense_forward` with a bias (see :func:`dense_vjp`)."""
    gx, gw, gb = dense_vjp(g, out, x, w, _HAS_BIAS, activation, grad_x)
    assert gb is not None
    return gx, gw, gb


# Stands for "a bias array" in dense_backward (only its type is read).
_HAS_BIAS = np.zeros(0)


# -- im2col -----------------------------------------------------------------------------------


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


# -- pools ------------------------------------------------------------------------------------


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


def maxpool2d_backward(
    g: Array, x: Array, out: Array, window: Pair, stride: Pair, pad: Pair
) -> Array:
    """Route each output gradient to the first (row-major) tap of its window that holds the
    maximum; overlapping windows add. Buffers follow ``x``'s memory order, so every pass
    runs along memory and the gradient comes out laid out like ``x``."""
    kh, kw = window
    h, w = x.shape[2:]
    oh, ow = out.shape[2:]
    g = like(g, out)
    free = np.ones_like(out, dtype=bool)  # windows whose maximum is not yet credited
    if stride == window and pad == (0, 0) and h == oh * kh and w == ow * kw:
        # Windows tile the input: each input cell belongs to exactly one tap of one window,
        # so every cell is written once (no zero fill, no scatter-add).
        gx = np.empty_like(x, dtype=g.dtype)
        for i in range(kh):
            for j in range(kw):
                hit = np.equal(x[:, :, i::kh, j::kw], out)
                hit &= free
                free ^= hit
                np.multiply(g, hit, out=gx[:, :, i::kh, j::kw])
        return gx
    xp = _pad(x, pad, _lowest(x))
    gxp = np.zeros_like(xp, dtype=g.dtype)
    (sh, sw), out_hw = stride, (oh, ow)
    for i, j, tap in _taps(xp, window, stride, out_hw):
        hit = np.equal(tap, out)
        hit &= free
        free ^= hit
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


# -- normalisation ----------------------------------------------------------------------------


def _bn_axes(x: Array) -> Tuple[int, ...]:
    return (0,) + tuple(range(2, x.ndim))


def _bn_view(v: Array, ndim: int) -> Array:
    return v.reshape((1, -1) + (1,) * (ndim - 2))


def batchnorm_forward(
    x: Array, w: Array, b: Array, mean: Array, var: Array, training: bool, eps: float
) -> Array:
    """``w * (x - mu) / sqrt(var + eps) + b`` per channel (axis 1); batch statistics when
    ``training`` (biased variance), else the given running ``mean``/``var``."""
    x = as_param(x, w)
    if training:
        axes = _bn_axes(x)
        mu = x.mean(axis=axes, keepdims=True)
        sig2 = x.var(axis=axes, keepdims=True)
    else:
        mu, sig2 = _bn_view(mean, x.ndim), _bn_view(var, x.ndim)
    inv = 1 / np.sqrt(sig2 + eps)
    out: Array = (x - mu) * (inv * _bn_view(w, x.ndim)) + _bn_view(b, x.ndim)
    return out.astype(x.dtype, copy=False)


def batchnorm_backward(
    g: Array, x: Array, w: Array, mean: Array, var: Array, training: bool, eps: float
) -> Tuple[Array, Array, Array]:
    """Gradients for (x, weight, bias); in training the batch statistics depend on x."""
    x = as_param(x, w)
    axes = _bn_axes(x)
    if training:
        mu = x.mean(axis=axes, keepdims=True)
        sig2 = x.var(axis=axes, keepdims=True)
    else:
        mu, sig2 = _bn_view(mean, x.ndim), _bn_view(var, x.ndim)
    inv = 1 / np.sqrt(sig2 + eps)
    xhat = (x - mu) * inv
    gw = (g * xhat).sum(axis=axes)
    gb = g.sum(axis=axes)
    gxhat = g * _bn_view(w, x.ndim)
    if training:
        m = x.size // x.shape[1]
        gx = inv * (gxhat - gxhat.sum(axis=axes, keepdims=True) / m
                    - xhat * (gxhat * xhat).sum(axis=axes, keepdims=True) / m)
    else:
        gx = gxhat * inv
    return gx.astype(x.dtype, copy=False), gw, gb


def layernorm_forward(x: Array, w: Array, b: Array, eps: float) -> Array:
    """``w * (x - mean) / sqrt(var + eps) + b`` over the last axis."""
    x = as_param(x, w)
    mu = x.mean(axis=-1, keepdims=True)
    inv = 1 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    out: Array = (x - mu) * inv * w + b
    return out.astype(x.dtype, copy=False)


def layernorm_backward(
    g: Array, x: Array, w: Array, eps: float
) -> Tuple[Array, Array, Array]:
    """Gradients for (x, weight, bias)."""
    x = as_param(x, w)
    mu = x.mean(axis=-1, keepdims=True)
    inv = 1 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    xhat = (x - mu) * inv
    lead = tuple(range(x.ndim - 1))
    gw = (g * xhat).sum(axis=lead)
    gb = g.sum(axis=lead)
    gxhat = g * w
    d = x.shape[-1]
    gx = inv * (gxhat - gxhat.sum(axis=-1, keepdims=True) / d
                - xhat * (gxhat * xhat).sum(axis=-1, keepdims=True) / d)
    return gx.astype(x.dtype, copy=False), gw, gb


# -- recurrent (whole sequences, batch-first) -------------------------------------------------


def _sigmoid(a: Array, out: Optional[Array] = None) -> Array:
    """``0.5*(tanh(a/2) + 1)``: overflow-free for any ``|a|`` and three passes, in place
    into ``out`` when given."""
    r: Array = np.multiply(a, a.dtype.type(0.5), out=out)
    np.tanh(r, out=r)
    r += 1
    r *= a.dtype.type(0.5)
    return r


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
