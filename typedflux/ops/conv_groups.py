"""Grouped convolutions with per-side padding: ``conv2d_grouped`` and
``conv_transpose2d_grouped``, each a forward and a hand-written VJP (kernels and their
primitives side by side; the shape rules are in ``typedflux/shapes/rules_conv_groups.py``).

``groups`` splits the channels into blocks convolved independently (PyTorch's weight
layouts: ``(out, in/groups, kh, kw)`` for a conv, ``(in, out/groups, kh, kw)`` for a
transposed one); ``groups = in = out`` is a depthwise convolution. The work is one im2col
and one batched GEMM (``np.matmul`` over the groups), so a depthwise conv costs one call,
not one per channel. Padding is ``(top, bottom, left, right)`` (Flux's ``SamePad()`` of an
even kernel is asymmetric); a transposed conv also takes ``outpad`` (PyTorch's
``output_padding``): rows and columns added after the last, reached by no input but the
bias.

The ``Conv``/``ConvTranspose`` layers use these only where the plain primitives
(``conv2d``, ``conv_transpose2d`` in :mod:`typedflux.ops.layers_nn`) cannot serve: more than
one group, asymmetric padding or an ``outpad``.

>>> import typedflux as tf
>>> conv2d_grouped(tf.ones(1, 4, 5, 5), tf.ones(4, 1, 3, 3), groups=4, pad=(1, 1, 1, 1)).shape
(1, 4, 5, 5)
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import numpy as np
import numpy.typing as npt
from typing_extensions import Unpack

from typedflux.ops.kernels.common import as_param
from typedflux.ops.kernels.conv import col2im, col2im_cm, im2col, im2col_cm, like
from typedflux.ops.layers_nn import _save, _saved, needs_grad
from typedflux.ops.registry import Primitive, primitive
from typedflux.tensor import Tensor

__all__ = [
    "conv2d_grouped",
    "conv_transpose2d_grouped",
    "conv2d_grouped_forward",
    "conv2d_grouped_backward",
    "conv_transpose2d_grouped_forward",
    "conv_transpose2d_grouped_backward",
]

Array = npt.NDArray[Any]
Pair = Tuple[int, int]
Pads = Tuple[int, int, int, int]
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _out(h: int, k: int, s: int, before: int, after: int, d: int) -> int:
    return (h + before + after - d * (k - 1) - 1) // s + 1


def _bias(b: Any) -> Optional[Array]:
    # A layer without a bias passes the number 0.0: no array to add, no gradient to return.
    return b if isinstance(b, np.ndarray) else None


def _padded(x: Array, pads: Pads) -> Tuple[Array, Pair]:
    """``x`` ready for :func:`im2col_cm`: as it is with the symmetric part of the padding
    (im2col pads that itself), or zero-padded on each side when top != bottom or
    left != right (then im2col pads nothing)."""
    t, b, left, r = pads
    if t == b and left == r:
        return x, (t, left)
    n, c, h, w = x.shape
    xp = np.zeros_like(x, shape=(n, c, h + t + b, w + left + r))
    xp[:, :, t : t + h, left : left + w] = x
    return xp, (0, 0)


# -- conv2d_grouped -------------------------------------------------------------------------


def conv2d_grouped_forward(
    x: Array, w: Array, b: Optional[Array], stride: Pair, pads: Pads, dilation: Pair,
    groups: int,
) -> Tuple[Array, Array]:
    """Grouped cross-correlation (PyTorch's ``conv2d(..., groups=g)``) with per-side
    padding. Returns the NCHW output (a view of (O, H', W', N) memory, as ``conv2d``'s) and
    the im2col columns, which the backward reuses."""
    x = as_param(x, w)
    n, _, h, wd = x.shape
    o, cg, kh, kw = w.shape
    t, btm, left, r = pads
    oh = _out(h, kh, stride[0], t, btm, dilation[0])
    ow = _out(wd, kw, stride[1], left, r, dilation[1])
    xin, sym = _padded(x, pads)
    cols = im2col_cm(xin, (kh, kw), stride, sym, dilation, (oh, ow))  # (C*kh*kw, M)
    k, m = cg * kh * kw, oh * ow * n
    # One GEMM per group, batched: (G, O/G, K) @ (G, K, M).
    y = np.matmul(w.reshape(groups, o // groups, k), cols.reshape(groups, k, m))
    y = y.reshape(o, m)
    if b is not None:
        y += b.reshape(o, 1).astype(y.dtype, copy=False)
    return y.reshape(o, oh, ow, n).transpose(3, 0, 1, 2), cols


def conv2d_grouped_backward(
    g: Array, cols: Array, x_shape: Tuple[int, ...], w: Array, stride: Pair, pads: Pads,
    dilation: Pair, groups: int, out: Array, grad_x: bool = True,
) -> Tuple[Optional[Array], Array, Array]:
    """Gradients for (x, w, b) from the saved columns: two batched GEMMs and a col2im."""
    o, cg, kh, kw = w.shape
    n, _, h, wd = x_shape
    oh, ow = g.shape[2:]
    k, m = cg * kh * kw, oh * ow * n
    g2 = like(g, out).transpose(1, 2, 3, 0).reshape(o, m)  # (O, M), ordered like cols
    gg = g2.reshape(groups, o // groups, m)
    gw = np.matmul(gg, cols.reshape(groups, k, m).transpose(0, 2, 1)).reshape(w.shape)
    gb = g2.sum(axis=1)
    if not grad_x:
        return None, gw, gb
    gcols = np.matmul(w.reshape(groups, o // groups, k).transpose(0, 2, 1), gg)
    gcols = gcols.reshape(groups * k, m)
    t, btm, left, r = pads
    if t == btm and left == r:
        gx = col2im_cm(gcols, x_shape, (kh, kw), stride, (t, left), dilation, (oh, ow))
        return gx, gw, gb
    # Asymmetric: the gradient of the zero-padded copy, cropped back to the input.
    padded = (n, x_shape[1], h + t + btm, wd + left + r)
    gxp = col2im_cm(gcols, padded, (kh, kw), stride, (0, 0), dilation, (oh, ow))
    return gxp[:, :, t : t + h, left : left + wd], gw, gb


@primitive("conv2d_grouped")
def p_conv2d_grouped(
    x: Any, w: Any, b: Any, stride: Any, pad: Any, dilation: Any, groups: int, grad_x: bool,
) -> Any:
    out, cols = conv2d_grouped_forward(x, w, _bias(b), tuple(stride), tuple(pad),
                                       tuple(dilation), groups)
    _save(out, cols)
    return out


@p_conv2d_grouped.vjp
def _conv2d_grouped_vjp(
    g: Any, out: Any, x: Any, w: Any, b: Any, stride: Any, pad: Any, dilation: Any,
    groups: int, grad_x: bool,
) -> Tuple[Any, ...]:
    s, p, d = tuple(stride), tuple(pad), tuple(dilation)
    cols = _saved(out)
    if cols is None:
        cols = conv2d_grouped_forward(x, w, None, s, p, d, groups)[1]
    gx, gw, gb = conv2d_grouped_backward(g, cols, x.shape, w, s, p, d, groups, out, grad_x)
    return gx, gw, (gb if _bias(b) is not None else None)


_rng = np.random.default_rng(4321)


def _randn(*shape: int) -> Array:
    return _rng.standard_normal(shape)


@p_conv2d_grouped.examples
def _conv2d_grouped_examples() -> List[Tuple[Any, ...]]:
    return [
        # depthwise, "same" padding of an even kernel (asymmetric)
        (_randn(2, 4, 5, 5), _randn(4, 1, 2, 2), _randn(4), (1, 1), (1, 0, 1, 0), (1, 1), 4,
         True),
        # two groups, strided and dilated, symmetric padding, no bias
        (_randn(1, 4, 7, 6), _randn(6, 2, 3, 2), 0.0, (2, 1), (1, 1, 0, 0), (1, 2), 2, True),
        # one group, asymmetric padding only
        (_randn(2, 3, 4, 5), _randn(2, 3, 3, 3), _randn(2), (1, 2), (2, 0, 0, 1), (1, 1), 1,
         True),
        # the input needs no gradient
        (Tensor(_randn(1, 4, 5, 5), np.float64), _randn(4, 2, 3, 3), _randn(4), (1, 1),
         (1, 1, 1, 1), (1, 1), 2, False),
    ]


def conv2d_grouped(
    x: Any, w: Any, b: Any = 0.0, stride: Any = (1, 1), pad: Any = (0, 0, 0, 0),
    dilation: Any = (1, 1), groups: int = 1,
) -> AnyTensor:
    """Grouped cross-correlation over NCHW images with per-side padding ``(top, bottom,
    left, right)``: ``x Tensor[B, C, H, W], w Tensor[O, C/groups, kh, kw] -> Tensor[B, O, H',
    W']``, ``y[:, block g] = conv(x[:, block g], w[block g])``.

    >>> import typedflux as tf
    >>> conv2d_grouped(tf.ones(1, 2, 4, 4), tf.ones(2, 1, 2, 2), groups=2).shape
    (1, 2, 3, 3)
    """
    return p_conv2d_grouped.invoke(x, w, b, tuple(stride), tuple(pad), tuple(dilation),
                                   groups, needs_grad(x))


# -- conv_transpose2d_grouped --------------------------------------------------------------------


def _crop(full: Tuple[int, int], pads: Pads, outpad: Pair) -> Tuple[Pair, Pair]:
    """Output size, and how many of its rows/columns come from the full (uncropped) result:
    the output starts ``top``/``left`` into it; rows past its end (outpad beyond the bottom
    padding) are zeros before the bias."""
    t, btm, left, r = pads
    oh = full[0] - t - btm + outpad[0]
    ow = full[1] - left - r + outpad[1]
    return (oh, ow), (max(0, min(oh, full[0] - t)), max(0, min(ow, full[1] - left)))


def conv_transpose2d_grouped_forward(
    x: Array, w: Array, b: Optional[Array], stride: Pair, pads: Pads, dilation: Pair,
    groups: int, outpad: Pair,
) -> Array:
    """The adjoint of :func:`conv2d_grouped_forward` wrt its input (PyTorch's
    ``conv_transpose2d(..., groups=g, output_padding=outpad)``, weight ``(in, out/groups,
    kh, kw)``)."""
    x = as_param(x, w)
    n, cin, h, wd = x.shape
    _, og, kh, kw = w.shape
    cg, o = cin // groups, og * groups
    x2 = x.transpose(1, 0, 2, 3).reshape(groups, cg, n * h * wd)
    wg = w.reshape(groups, cg, og * kh * kw)
    cols = np.matmul(wg.transpose(0, 2, 1), x2).reshape(o * kh * kw, n * h * wd)
    full = ((h - 1) * stride[0] + dilation[0] * (kh - 1) + 1,
            (wd - 1) * stride[1] + dilation[1] * (kw - 1) + 1)
    yp = col2im(cols, (n, o, full[0], full[1]), (kh, kw), stride, dilation, (h, wd))
    (oh, ow), (vh, vw) = _crop(full, pads, outpad)
    t, left = pads[0], pads[2]
    y: Array
    if (vh, vw) == (oh, ow):
        y = yp[:, :, t : t + oh, left : left + ow].copy()
    else:
        y = np.zeros_like(yp, shape=(n, o, oh, ow))
        y[:, :, :vh, :vw] = yp[:, :, t : t + vh, left : left + vw]
    if b is not None:
        y += b.reshape(1, o, 1, 1).astype(y.dtype, copy=False)
    return y


def conv_transpose2d_grouped_backward(
    g: Array, x: Array, w: Array, stride: Pair, pads: Pads, dilation: Pair, groups: int,
    outpad: Pair, grad_x: bool = True,
) -> Tuple[Optional[Array], Array, Array]:
    """Gradients for (x, w, b): the input gradient is a grouped conv of ``g``."""
    x = as_param(x, w)
    n, cin, h, wd = x.shape
    _, og, kh, kw = w.shape
    cg, o = cin // groups, og * groups
    full = ((h - 1) * stride[0] + dilation[0] * (kh - 1) + 1,
            (wd - 1) * stride[1] + dilation[1] * (kw - 1) + 1)
    _, (vh, vw) = _crop(full, pads, outpad)
    t, left = pads[0], pads[2]
    gp = np.zeros_like(g, shape=(n, o, full[0], full[1]))
    gp[:, :, t : t + vh, left : left + vw] = g[:, :, :vh, :vw]
    m = n * h * wd
    gcols = im2col(gp, (kh, kw), stride, dilation, (h, wd)).reshape(groups, og * kh * kw, m)
    x2 = x.transpose(1, 0, 2, 3).reshape(groups, cg, m)
    wg = w.reshape(groups, cg, og * kh * kw)
    gw = np.matmul(x2, gcols.transpose(0, 2, 1)).reshape(w.shape)
    gb = g.sum(axis=(0, 2, 3))
    if not grad_x:
        return None, gw, gb
    gx = np.matmul(wg, gcols).reshape(cin, n, h, wd).transpose(1, 0, 2, 3)
    return gx, gw, gb


@primitive("conv_transpose2d_grouped")
def p_conv_transpose2d_grouped(
    x: Any, w: Any, b: Any, stride: Any, pad: Any, dilation: Any, groups: int, outpad: Any,
) -> Any:
    return conv_transpose2d_grouped_forward(x, w, _bias(b), tuple(stride), tuple(pad),
                                            tuple(dilation), groups, tuple(outpad))


@p_conv_transpose2d_grouped.vjp
def _conv_transpose2d_grouped_vjp(
    g: Any, out: Any, x: Any, w: Any, b: Any, stride: Any, pad: Any, dilation: Any,
    groups: int, outpad: Any,
) -> Tuple[Any, ...]:
    gx, gw, gb = conv_transpose2d_grouped_backward(
        g, x, w, tuple(stride), tuple(pad), tuple(dilation), groups, tuple(outpad))
    return gx, gw, (gb if _bias(b) is not None else None)


@p_conv_transpose2d_grouped.examples
def _conv_transpose2d_grouped_examples() -> List[Tuple[Any, ...]]:
    return [
        # two groups, stride 2, outpad 1 with symmetric padding (PyTorch's usual upsampler)
        (_randn(2, 4, 3, 3), _randn(4, 1, 3, 3), _randn(2), (2, 2), (1, 1, 1, 1), (1, 1), 2,
         (1, 1)),
        # depthwise, asymmetric padding, outpad past the bottom padding (zero rows + bias)
        (_randn(1, 3, 3, 4), _randn(3, 1, 2, 3), _randn(3), (2, 3), (1, 0, 0, 2), (1, 1), 3,
         (1, 2)),
        # one group, dilation, no bias
        (_randn(1, 2, 3, 3), _randn(2, 3, 2, 2), 0.0, (1, 2), (0, 1, 1, 0), (2, 1), 1,
         (1, 0)),
    ]


def conv_transpose2d_grouped(
    x: Any, w: Any, b: Any = 0.0, stride: Any = (1, 1), pad: Any = (0, 0, 0, 0),
    dilation: Any = (1, 1), groups: int = 1, outpad: Any = (0, 0),
) -> AnyTensor:
    """Grouped transposed convolution (weight ``Tensor[C, O/groups, kh, kw]``) with per-side
    padding and output padding: ``H' = (H-1)*stride - top - bottom + dilation*(kh-1) + 1 +
    outpad``.

    >>> import typedflux as tf
    >>> conv_transpose2d_grouped(tf.ones(1, 2, 3, 3), tf.ones(2, 1, 3, 3), stride=(2, 2),
    ...                          pad=(1, 1, 1, 1), groups=2, outpad=(1, 1)).shape
    (1, 2, 6, 6)
    """
    return p_conv_transpose2d_grouped.invoke(x, w, b, tuple(stride), tuple(pad),
                                             tuple(dilation), groups, tuple(outpad))
