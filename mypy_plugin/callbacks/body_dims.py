"""Sizes read from a tensor's shape inside a body: ``lambda x: x.reshape(x.shape[0], -1)``.

In a lambda (or a one-return ``def``, or a user layer's body) used as a layer, the
parameter's shape is the one flowing in, so ``x.shape[0]`` is that shape's first dim: a
size (``2``), a symbol (``B``), or unknown. Where an op takes sizes (``reshape``'s, a
creation function's), such a read, and ``+ - * //`` of reads and ints, is that dim; the op's
rule then runs on it as on a written size. An index not known statically, an axis past the
rank, or an axis inside a run of unknown length (``*?``) gives nothing here (the argument is
read as before: unknown unless static).

>>> from mypy.nodes import IntExpr
>>> dim_of(IntExpr(3), lambda e: None) is None  # no shape read: the static reader's job
True
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Tuple

from mypy.nodes import Expression, IndexExpr, MemberExpr, OpExpr

from mypy_plugin import translate
from mypy_plugin.callbacks.body_calls import lookup, static_argument
from mypy_plugin.values import NotStatic, static_int
from typedflux.shapes.catalog import Arg, Kind
from typedflux.shapes.layer_config import Shape

__all__ = ["dim_of", "read_argument"]

ShapeOf = Callable[[Expression], Optional[Shape]]
Dim = Any  # a shape's item that is not a run: an int, a symbolic dim or unknown


def read_argument(arg: Arg, e: Expression, shape_of: ShapeOf) -> Any:
    """A non-tensor argument of an op in a body: a size read from a shape when it is one,
    else its static value (``body_calls.static_argument``)."""
    if arg.kind in (Kind.DIMS, Kind.DIM):
        d = dim_of(e, shape_of)
        if d is not None:
            return (d,) if arg.kind is Kind.DIMS else d
    return static_argument(arg, e)


def _at(shape: Shape, i: int) -> Optional[Dim]:
    """``shape[i]`` when it is a dim whatever a ``*`` run in it holds."""
    stars = [k for k, d in enumerate(shape) if isinstance(d, translate.Star)]
    if stars:
        s = stars[0]
        if 0 <= i < s:
            return shape[i]
        if i < 0 and len(shape) + i > s:
            return shape[i]
        return None
    if -len(shape) <= i < len(shape):
        return shape[i]
    return None


def _part(e: Expression, shape_of: ShapeOf) -> Tuple[Optional[Dim], bool]:
    """A dim (or int) and whether a shape was read for it."""
    d = dim_of(e, shape_of)
    if d is not None:
        return d, True
    v = static_int(e, lookup)
    return (None, False) if isinstance(v, NotStatic) else (v, False)


def dim_of(e: Expression, shape_of: ShapeOf) -> Optional[Dim]:
    """The dim ``e`` reads from a shape (``x.shape[0]``, ``x.shape[-1] * 2``); None when it
    reads none, or one not known here."""
    if isinstance(e, IndexExpr) and isinstance(e.base, MemberExpr) and e.base.name == "shape":
        shape = shape_of(e.base.expr)
        i = static_int(e.index, lookup)
        if shape is None or isinstance(i, NotStatic):
            return None
        return _at(shape, i)
    if isinstance(e, OpExpr) and e.op in ("+", "-", "*", "//"):
        (a, read_a), (b, read_b) = _part(e.left, shape_of), _part(e.right, shape_of)
        if a is None or b is None or not (read_a or read_b):
            return None
        if e.op == "+":
            return a + b
        if e.op == "-":
            return a - b
        if e.op == "*":
            return a * b
        if isinstance(b, int) and b > 0:
            return a // b
    return None
