"""Shape rules of ops that make a tensor larger by copying or padding: ``tile``, ``repeat``
(torch's: tile with a count per axis), ``repeat_interleave`` and ``pad``.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["tile"].rule(x=(2, 3), reps=(2, 1)), SPECS["pad"].rule(x=(2, 3), widths=((0, 0), (1, 2)))
((4, 3), (2, 6))
"""

from __future__ import annotations

from typing import Any, Optional, Sequence, Tuple

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import Dim, Expr, Unknown, equal
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import SDim, Shape, as_dims, locate_axis, numel, star_index

__all__ = ["tile_shape", "repeat_shape", "repeat_interleave_shape", "pad_shape", "PAD_MODES"]

_X = a("x", Kind.TENSOR, required=True)

PAD_MODES = ("constant", "reflect", "replicate", "circular")


def _counts(op: str, arg: str, counts: Sequence[Dim]) -> Tuple[Dim, ...]:
    out = as_dims(tuple(counts))
    for k, r in enumerate(out):
        if isinstance(r, int) and r < 0:
            raise ShapeError(messages.negative_count(op, arg, out, k, r))
    return out  # type: ignore[return-value]


def _tile(x: Shape, reps: Tuple[Dim, ...]) -> Shape:
    s = star_index(x)
    if s is None:
        n = max(len(x), len(reps))
        xs = (1,) * (n - len(x)) + x
        rs = (1,) * (n - len(reps)) + reps
        return tuple(d * r for d, r in zip(xs, rs))  # type: ignore[operator]
    k = len(reps)
    if k > len(x) - s - 1:
        raise CannotTell("tile counts reaching into a run of unknown length")
    head, tail = x[: len(x) - k], x[len(x) - k:]
    return head + tuple(d * r for d, r in zip(tail, reps))  # type: ignore[operator]


@spec("tile", _X, a("reps", Kind.DIMS, required=True), functions=("tile",), methods=("tile",))
def tile_shape(x: Shape, reps: Sequence[Dim]) -> Shape:
    """``tile(x, *reps)``: numpy's ``tile``: counts line up with the last axes; fewer counts
    than axes leave the leading ones alone, more add leading axes.

    >>> tile_shape((2, 3), (3,)), tile_shape((3,), (2, 2))
    ((2, 9), (2, 6))
    """
    return _tile(x, _counts("tile", "reps", reps))


@spec("repeat", _X, a("counts", Kind.DIMS, required=True), functions=("repeat",),
      methods=("repeat",), primitive=False)
def repeat_shape(x: Shape, counts: Sequence[Dim]) -> Shape:
    """``repeat(x, *counts)``: torch's ``Tensor.repeat`` (Julia's ``repeat``): a count for
    every axis (more counts add leading axes), each axis copied that many times whole.

    >>> repeat_shape((2, 3), (2, 1)), repeat_shape((2, 3), (4, 1, 2))
    ((4, 3), (4, 2, 6))
    >>> repeat_shape((2, 3), (2,))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Too few counts for "repeat": x has Tensor[2, 3], counts is (2); need one count per axis at least (1 given for rank 2)
    """
    reps = _counts("repeat", "counts", counts)
    if star_index(x) is None and len(reps) < len(x):
        raise ShapeError(messages.too_few_counts("repeat", x, reps))
    return _tile(x, reps)


@spec("repeat_interleave", _X, a("repeats", Kind.DIM, required=True),
      a("axis", Kind.AXIS, None), functions=("repeat_interleave",),
      methods=("repeat_interleave",))
def repeat_interleave_shape(x: Shape, repeats: Dim, axis: Optional[int] = None) -> Shape:
    """``repeat_interleave(x, repeats, axis=None)``: each element ``repeats`` times in a row
    along ``axis`` (numpy's ``repeat``); ``None`` flattens first.

    >>> repeat_interleave_shape((2, 3), 2, 1), repeat_interleave_shape((2, 3), 2)
    ((2, 6), (12,))
    """
    if isinstance(axis, (tuple, list)) or isinstance(repeats, bool) or not isinstance(
            repeats, (int, Expr, Unknown)):
        raise CannotTell("arguments the forward refuses (one int count, one axis)")
    (r,) = _counts("repeat_interleave", "repeats", (repeats,))
    if axis is None:
        return (numel(x) * r,)
    i = locate_axis(x, axis, "repeat_interleave")
    return x[:i] + (x[i] * r,) + x[i + 1:]  # type: ignore[operator]


def _pairs(widths: Any) -> Optional[Tuple[Tuple[int, int], ...]]:
    if not isinstance(widths, tuple):
        return None
    for p in widths:
        if not (isinstance(p, tuple) and len(p) == 2
                and all(isinstance(w, int) and not isinstance(w, bool) for w in p)):
            return None
    return widths


@spec("pad", _X, a("widths", Kind.STATIC, required=True), a("mode", Kind.STATIC, "constant"),
      a("value", Kind.IGNORED, 0.0), functions=("pad",))
def pad_shape(x: Shape, widths: Any, mode: str = "constant") -> Shape:
    """``pad(x, widths, mode="constant", value=0)``: ``widths`` holds one ``(before, after)``
    pair per axis, in axis order; each axis grows by both. ``reflect`` needs widths below
    the axis size, ``circular`` at most the size, ``replicate`` a nonempty axis (as torch).

    >>> pad_shape((2, 3), ((1, 1), (0, 2))), pad_shape((1, 4), ((0, 0), (3, 3)), "reflect")
    ((4, 5), (1, 10))
    >>> pad_shape((1, 4), ((0, 0), (4, 0)), "reflect")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot pad for "pad": x has Tensor[1, 4], widths is ((0, 0), (4, 0)); need reflect widths below the axis size (4 vs 4 at axis 1)
    """
    pairs = _pairs(widths)
    if pairs is None or mode not in PAD_MODES:
        raise CannotTell("widths or mode the function refuses")
    if star_index(x) is not None:
        raise CannotTell("pad of a shape of unknown rank")
    if not x:
        raise ShapeError(messages.rank_too_small("pad", "x", x, 1))
    if len(pairs) != len(x):
        raise ShapeError(messages.pad_mismatch(
            "pad", x, widths,
            f"one (before, after) pair per axis ({len(pairs)} given for rank {len(x)})"))
    out: list[SDim] = []
    for i, ((b, e), d) in enumerate(zip(pairs, x)):
        if b < 0 or e < 0:
            raise ShapeError(messages.pad_mismatch("pad", x, widths, f"widths >= 0 (at axis {i})"))
        w = max(b, e)
        if mode == "reflect" and w and isinstance(d, int) and w >= d:
            raise ShapeError(messages.pad_mismatch(
                "pad", x, widths, f"reflect widths below the axis size ({w} vs {d} at axis {i})"))
        if mode == "circular" and isinstance(d, int) and w > d:
            raise ShapeError(messages.pad_mismatch(
                "pad", x, widths, f"circular widths at most the axis size ({w} vs {d} at axis {i})"))
        if mode == "replicate" and w and equal(d, 0):  # type: ignore[arg-type]
            raise ShapeError(messages.pad_mismatch(
                "pad", x, widths, f"a nonempty axis to replicate (0 at axis {i})"))
        out.append(d + b + e)  # type: ignore[operator]
    return tuple(out)
