"""Shape rules of the grouped convolution primitives: ``conv2d_grouped`` and
``conv_transpose2d_grouped`` (channels in ``groups`` independent blocks, padding given per
side as ``(top, bottom, left, right)``, a transposed conv's ``outpad``).

The static half of :mod:`typedflux.ops.conv_groups`. The ``Conv``/``ConvTranspose`` layers
run their layer rules first (messages naming the layer); these guard direct calls.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["conv2d_grouped"].rule(x=(2, 4, 8, 8), w=(6, 2, 3, 3), b=(6,), stride=(1, 1),
...                              pad=(1, 1, 1, 1), dilation=(1, 1), groups=2)
(2, 6, 8, 8)
"""

from __future__ import annotations

from typing import Sequence, Tuple

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import Dim, equal
from typedflux.shapes.errors import CannotTell, ShapeError, require
from typedflux.shapes.rules_layers import _check_positive, _differ, _rank, _vector
from typedflux.shapes.shape import Shape
from typedflux.shapes.windows import conv_output_size, conv_transpose_output_size

__all__ = ["conv2d_grouped_shape", "conv_transpose2d_grouped_shape"]

T = Kind.TENSOR


def _groups(op: str, groups: int, name: str, size: Dim, x: Shape, w: Shape) -> None:
    """``size`` (a channel count) must split into ``groups`` equal blocks."""
    if type(groups) is not int or groups < 1:
        raise ShapeError(f'Invalid groups for "{op}": groups = {groups}; need an int >= 1')
    if type(size) is int and size % groups:
        raise ShapeError(
            f'Cannot split channels for "{op}": x has {messages.fmt_shape(x)}, w has '
            f"{messages.fmt_shape(w)}; need {name} divisible by groups = {groups} "
            f"({size} % {groups} = {size % groups})"
        )


def _pads(pad: Sequence[int]) -> Tuple[int, int, int, int]:
    p = tuple(pad)
    if len(p) != 4:
        raise ShapeError(f"Invalid pad: {p}; need (top, bottom, left, right)")
    return (p[0], p[1], p[2], p[3])


def _kernel(op: str, ws: Tuple[Dim, ...]) -> Tuple[int, int]:
    kh, kw = ws[2], ws[3]
    if type(kh) is not int or type(kw) is not int:
        raise CannotTell(f"{op}: symbolic kernel size")
    return kh, kw


@spec("conv2d_grouped", a("x", T, required=True), a("w", T, required=True),
      a("b", T, required=True), a("stride", Kind.AXES, (1, 1)),
      a("pad", Kind.AXES, (0, 0, 0, 0)), a("dilation", Kind.AXES, (1, 1)),
      a("groups", Kind.INT, 1), a("grad_x", Kind.IGNORED, True))
def conv2d_grouped_shape(
    x: Shape, w: Shape, b: Shape, stride: Sequence[int], pad: Sequence[int],
    dilation: Sequence[int], groups: int,
) -> Shape:
    """``x Tensor[B, C, H, W], w Tensor[O, C/groups, kh, kw] -> Tensor[B, O, H', W']`` with
    ``H' = (H + top + bottom - dilation*(kh-1) - 1)//stride + 1``; ``O`` divisible by
    ``groups``.

    >>> conv2d_grouped_shape((2, 4, 5, 5), (4, 1, 2, 2), (4,), (1, 1), (1, 0, 1, 0), (1, 1), 4)
    (2, 4, 5, 5)
    >>> conv2d_grouped_shape((2, 4, 5, 5), (4, 2, 3, 3), (), (1, 1), (0, 0, 0, 0), (1, 1), 4)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ for "conv2d_grouped": x has Tensor[2, 4, 5, 5], w has Tensor[4, 2, 3, 3]; need x.shape[1] == w.shape[1] * groups (4 vs 8)
    """
    op = "conv2d_grouped"
    xs = _rank(op, "x", x, (4,))
    ws = _rank(op, "w", w, (4,))
    _groups(op, groups, "w.shape[0]", ws[0], x, w)
    want = ws[1] * groups
    require(equal(xs[1], want), lambda: _differ(
        op, "x", x, "w", w, "x.shape[1] == w.shape[1] * groups", xs[1], want))
    _vector(op, "b", b, ws[0], "w", w, 0)
    kh, kw = _kernel(op, ws)
    t, btm, left, right = _pads(pad)
    s, d = tuple(stride), tuple(dilation)
    out = (conv_output_size(xs[2], kh, s[0], t, d[0], btm),
           conv_output_size(xs[3], kw, s[1], left, d[1], right))
    _check_positive(op, x, out)
    return (xs[0], ws[0]) + out


@spec("conv_transpose2d_grouped", a("x", T, required=True), a("w", T, required=True),
      a("b", T, required=True), a("stride", Kind.AXES, (1, 1)),
      a("pad", Kind.AXES, (0, 0, 0, 0)), a("dilation", Kind.AXES, (1, 1)),
      a("groups", Kind.INT, 1), a("outpad", Kind.AXES, (0, 0)))
def conv_transpose2d_grouped_shape(
    x: Shape, w: Shape, b: Shape, stride: Sequence[int], pad: Sequence[int],
    dilation: Sequence[int], groups: int, outpad: Sequence[int],
) -> Shape:
    """``x Tensor[B, C, H, W], w Tensor[C, O/groups, kh, kw] -> Tensor[B, O, H', W']`` with
    ``H' = (H-1)*stride - top - bottom + dilation*(kh-1) + 1 + outpad``.

    >>> conv_transpose2d_grouped_shape((2, 4, 3, 3), (4, 1, 3, 3), (2,), (2, 2), (1, 1, 1, 1),
    ...                                (1, 1), 2, (1, 1))
    (2, 2, 6, 6)
    """
    op = "conv_transpose2d_grouped"
    xs = _rank(op, "x", x, (4,))
    ws = _rank(op, "w", w, (4,))
    _groups(op, groups, "x.shape[1]", xs[1], x, w)
    require(equal(xs[1], ws[0]), lambda: _differ(
        op, "x", x, "w", w, "x.shape[1] == w.shape[0]", xs[1], ws[0]))
    o = ws[1] * groups
    if len(b):
        bs = _rank(op, "b", b, (1,))
        require(equal(bs[0], o), lambda: _differ(
            op, "b", b, "w", w, "b.shape[0] == w.shape[1] * groups", bs[0], o))
    kh, kw = _kernel(op, ws)
    t, btm, left, right = _pads(pad)
    s, d, op_ = tuple(stride), tuple(dilation), tuple(outpad)
    out = (conv_transpose_output_size(xs[2], kh, s[0], t, d[0], btm, op_[0]),
           conv_transpose_output_size(xs[3], kw, s[1], left, d[1], right, op_[1]))
    _check_positive(op, x, out)
    return (xs[0], o) + out
