"""Shape rule of the ``bilinear`` primitive (the Bilinear layer's forms ``x' W y + b``): the
static half of :mod:`typedflux.ops.bilinear_nn`.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["bilinear"].rule(x=(4, 5), y=(4, 3), w=(7, 5, 3), b=(7,))
(4, 7)
"""

from __future__ import annotations

from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import Star, equal
from typedflux.shapes.errors import CannotTell, ShapeError, require
from typedflux.shapes import messages
from typedflux.shapes.rules_layers import _differ, _rank, _vector
from typedflux.shapes.shape import Shape, star_index

__all__ = ["bilinear_shape"]

T = Kind.TENSOR


@spec("bilinear", a("x", T, required=True), a("y", T, required=True),
      a("w", T, required=True), a("b", T, required=True))
def bilinear_shape(x: Shape, y: Shape, w: Shape, b: Shape) -> Shape:
    """``z[..., o] = sum_ij x[..., i] w[o, i, j] y[..., j] + b[o]``: ``x Tensor[*Bs, in1],
    y Tensor[*Bs, in2], w Tensor[out, in1, in2], b Tensor[out] or () -> Tensor[*Bs, out]``.

    >>> bilinear_shape((4, 5), (4, 2), (7, 5, 3), ())
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ for "bilinear": y has Tensor[4, 2], w has Tensor[7, 5, 3]; need y.shape[-1] == w.shape[2] (2 vs 3)
    """
    op = "bilinear"
    ws = _rank(op, "w", w, (3,))
    for name, v, axis in (("x", x, 1), ("y", y, 2)):
        if len(v) == 0:
            raise ShapeError(messages.rank_too_small(op, name, v, 1))
        last = v[-1]
        if not isinstance(last, Star) and equal(last, ws[axis]) is False:
            raise ShapeError(_differ(op, name, v, "w", w, f"{name}.shape[-1] == w.shape[{axis}]",
                                     last, ws[axis]))
    if star_index(x) is None and star_index(y) is None:
        same = len(x) == len(y) and all(
            equal(p, q) is not False  # type: ignore[arg-type]
            for p, q in zip(x[:-1], y[:-1]))
        require(same, lambda: (
            f'Sizes differ for "{op}": x has {messages.fmt_shape(x)}, y has '
            f"{messages.fmt_shape(y)}; need x.shape[:-1] == y.shape[:-1] "
            f"({messages.fmt_dims(x[:-1])} vs {messages.fmt_dims(y[:-1])})"))
    elif len(x) and isinstance(x[-1], Star):
        raise CannotTell("bilinear: a feature axis inside a variadic run")
    _vector(op, "b", b, ws[0], "w", w, 0)
    return x[:-1] + (ws[0],)
