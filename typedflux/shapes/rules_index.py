"""Shape rules of indexing ``x[key]`` (ints, slices with steps, ``None``, ``...``, tuples) and
of picking along an axis with an index tensor: ``take_along_axis`` and ``gather``.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["getitem"].rule(x=(5, 6, 7), key=(0, slice(None, None, 2), None))
(3, 1, 7)
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import List, Optional, Tuple

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import UNKNOWN, Dim, Expr, Unknown, dim_str
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import (
    SDim,
    Shape,
    all_int,
    broadcast_dim,
    locate_axis,
    star_index,
    surely_nonneg,
)

__all__ = ["getitem_shape", "slice_size", "slice_formula", "take_along_axis_shape", "gather_shape", "IndexArray"]


@dataclass(frozen=True)
class IndexArray:
    """An integer index array in a key, by its shape (the plugin's stand-in for an index
    tensor whose expression proves it holds integers). Alone among slices, ``None`` and
    ``...``, numpy puts its axes where the axis it indexes was.

    >>> getitem_shape((9, 3), IndexArray((5, 5))), getitem_shape((2, 9, 3), (slice(None), IndexArray((4,))))
    ((5, 5, 3), (2, 4, 3))
    """

    shape: Shape


class _ArrayItem(Exception):
    """An :class:`IndexArray` at this position of the key (basic indexing stops there)."""


def _array_key(x: Shape, items: Tuple[object, ...], k: int) -> Shape:
    """``x[items]`` where ``items[k]`` is the key's one :class:`IndexArray`."""
    if any(isinstance(it, (int, Expr, Unknown, IndexArray)) for i, it in enumerate(items) if i != k):
        raise CannotTell("several advanced indices: numpy broadcasts them and may move their axes")
    index = items[k]
    assert isinstance(index, IndexArray)
    out = getitem_shape(x, items[:k] + (slice(None),) + items[k + 1:])
    consumed = sum(1 for it in items if it is not None and it is not Ellipsis)
    pos = 0
    for it in items[:k]:
        if it is Ellipsis:
            if star_index(x) is not None:
                raise CannotTell("an index array after ... in a shape of unknown rank")
            pos += len(x) - consumed
        else:
            pos += 1
    if star_index(index.shape) is not None and star_index(out) is not None:
        raise CannotTell("two runs of unknown length")
    shape: Shape = out[:pos] + index.shape + out[pos + 1:]
    return shape


def _bound(v: Optional[Dim], d: Dim, default: Dim) -> Optional[Dim]:
    # A slice bound as numpy reads it for a size ``d`` large enough that no clamping happens;
    # ``None`` when a symbolic bound's sign is not known.
    if v is None:
        return default
    if isinstance(v, int):
        return v if v >= 0 else d + v
    if surely_nonneg(v):
        return v
    if surely_nonneg(-v):
        return d + v
    return None


def slice_size(sl: slice, d: Dim) -> Dim:
    """Length of ``range(d)[sl]`` for an int or symbolic size ``d`` and int or symbolic
    bounds (the step must be an int).

    Symbolic sizes are taken to be ``>= 1``. A slice by int bounds with a positive step is
    sized by its formula for every size from the least one that clamps no bound on
    (:func:`slice_formula`: ``x[2:]`` of ``Tensor[N]`` is ``N - 2``, the size whenever
    ``N >= 2``; a shorter axis gives 0, never a negative size); otherwise, when the length
    cannot be shown for every size ``>= 1``, the result is ``UNKNOWN`` (never a guess).

    >>> from typedflux.shapes.dims import sym
    >>> N = sym("N")
    >>> slice_size(slice(1, None), N), slice_size(slice(None, None, 2), N), slice_size(slice(None, 3), N)
    (N - 1, (N + 1)//2, 3)
    >>> slice_size(slice(2, None), N), slice_size(slice(None, -2), N), slice_size(slice(2, -2), N)
    (N - 2, N - 2, N - 4)
    >>> slice_size(slice(1, 8, 3), 10), slice_size(slice(None, None, -1), N)
    (3, N)
    >>> slice_size(slice(None, N), 2 * N), slice_size(slice(-N, None), 2 * N), slice_size(slice(N), 5)
    (N, N, ?)
    """
    return slice_formula(sl, d)[0]


def slice_formula(sl: slice, d: Dim) -> Tuple[Dim, int]:
    """``(size, least)``: the length of ``range(d)[sl]`` and the least size of ``d`` from
    which it holds (``1`` when it holds for every symbolic size ``>= 1``); ``(UNKNOWN, 1)``
    when no formula holds from some size on.

    ``x[2:]`` of an axis of ``N`` has ``N - 2`` items when ``N >= 2``: below that no item is
    left, where the formula would be negative (a slice never gives below 0). Only int bounds
    with a positive step get such a threshold, so a result is a size of the axis for every
    axis long enough for the slice as written.

    >>> from typedflux.shapes.dims import sym
    >>> N = sym("N")
    >>> slice_formula(slice(2, None), N), slice_formula(slice(1, None), N), slice_formula(slice(2, -3), N)
    ((N - 2, 2), (N - 1, 1), (N - 5, 5))
    >>> slice_formula(slice(-2, None), N), slice_formula(slice(None, 3, 2), N)
    ((2, 2), (2, 3))
    """
    start, stop, step = sl.start, sl.stop, sl.step
    plain = type(start) in (int, type(None)) and type(stop) in (int, type(None))
    if type(d) is int and plain:
        return len(range(*sl.indices(d))), 1
    if isinstance(d, Unknown) or isinstance(start, Unknown) or isinstance(stop, Unknown):
        return UNKNOWN, 1
    step = 1 if step is None else step
    if not isinstance(step, int):
        return UNKNOWN, 1
    lo: Dim
    hi: Dim
    if step > 0:
        s0, e0 = _bound(start, d, 0), _bound(stop, d, d)
        lo, hi = 0, d
    else:
        s0, e0 = _bound(start, d, d - 1), _bound(stop, d, -1)
        lo, hi = -1, d - 1
    if s0 is None or e0 is None:
        return UNKNOWN, 1
    span = e0 - s0 if step > 0 else s0 - e0
    if surely_nonneg(-span) and not surely_nonneg(span):
        return 0, 1  # empty for every size: clamping keeps the bounds in order (``x[3:1]``)
    # The formula holds where neither bound is clamped and the span is not negative: each
    # such condition either holds for every size >= 1 or, for int bounds and a positive
    # step, from a least size on (``d - 2 >= 0``: d >= 2).
    least = 1
    for cond in (s0 - lo, hi - s0, e0 - lo, hi - e0, span):
        if surely_nonneg(cond):
            continue
        below = cond - d
        if not (plain and step > 0 and type(below) is int):
            return UNKNOWN, 1
        least = max(least, -below)
    k = abs(step)
    out: Dim = (span + (k - 1)) // k
    return out, least


def _check_index(x: Shape, axis: int, i: int, d: SDim) -> None:
    if type(d) is int and type(i) is int and not -d <= i < d:
        raise ShapeError(messages.index_out_of_range("getitem", x, axis, i, d))


def _apply(x: Shape, items: Tuple[object, ...], dims: Tuple[SDim, ...], first_axis: int,
           from_right: bool) -> List[SDim]:
    out: List[SDim] = []
    k = 0
    for it in items:
        if it is None:
            out.append(1)
            continue
        d = dims[k]
        axis = first_axis + k if not from_right else k - len(dims)
        k += 1
        if isinstance(it, slice):
            if it.step == 0:
                raise ShapeError(messages.index_bad_key(
                    "getitem", x, f"a nonzero slice step (at axis {axis})"))
            out.append(slice_size(it, d))  # type: ignore[arg-type]
        else:
            _check_index(x, axis, it, d)  # type: ignore[arg-type]
    return out


def _as_dim(v: object) -> Optional[Dim]:
    # A symbolic bound or index (a size taken from a shape) stays a dim.
    if isinstance(v, (Expr, Unknown)):
        return v
    return _as_int(v)


def _as_int(v: object) -> Optional[int]:
    # numpy integers index like ints; bools do not (numpy reads them as masks).
    if isinstance(v, bool) or type(v).__name__ == "bool_":
        return None
    if isinstance(v, int):
        return v
    try:
        return operator.index(v)  # type: ignore[arg-type]
    except TypeError:
        return None


def _refuse_non_index(x: Shape, key: object) -> None:
    """A float, complex, string or bytes item can never index (numpy's IndexError would say
    so without naming the op or the tensor)."""
    for it in key if isinstance(key, tuple) else (key,):
        if isinstance(it, (float, complex, str, bytes)) or type(it).__name__.startswith(
                ("float", "complex", "str_", "bytes_")):
            raise ShapeError(messages.index_bad_key(
                "getitem", x, f"ints, slices, None, ... or integer or bool tensors as indices "
                f"(got {type(it).__name__} {it!r})"))


def _plain(v: object) -> bool:
    return v is None or type(v) is int


def _normalize_key(key: object) -> Tuple[object, ...]:
    """The key as a tuple of ``int | slice | None | Ellipsis``; ``CannotTell`` for the rest."""
    items = key if isinstance(key, tuple) else (key,)
    out: List[object] = []
    for it in items:
        if it is None or it is Ellipsis or type(it) is int:
            out.append(it)
        elif type(it) is slice and _plain(it.start) and _plain(it.stop) and _plain(it.step):
            out.append(it)
        elif isinstance(it, slice):
            bounds = [None if v is None else _as_dim(v) for v in (it.start, it.stop, it.step)]
            if any(b is None and v is not None
                   for b, v in zip(bounds, (it.start, it.stop, it.step))):
                raise CannotTell("slice bounds that are not ints")
            out.append(slice(*bounds))
        elif isinstance(it, IndexArray):
            raise _ArrayItem(len(out))
        else:
            i = _as_dim(it)
            if i is None:
                raise CannotTell(f"index {it!r} is not basic indexing")
            out.append(i)
    return tuple(out)


def _getitem_ints(x: Tuple[int, ...], items: Tuple[object, ...]) -> Optional[Shape]:
    """The runtime case; ``None`` sends anything unusual (errors included) to the full rule."""
    n = len(x)
    consumed = 0
    ellipses = 0
    for it in items:
        if it is Ellipsis:
            ellipses += 1
        elif it is not None:
            consumed += 1
    if consumed > n or ellipses > 1:
        return None
    out: List[SDim] = []
    k = 0
    for it in items:
        if it is None:
            out.append(1)
        elif it is Ellipsis:
            out.extend(x[k:k + n - consumed])
            k += n - consumed
        elif isinstance(it, slice):
            if it.step == 0 or not (_plain(it.start) and _plain(it.stop) and _plain(it.step)):
                return None
            out.append(len(range(*it.indices(x[k]))))
            k += 1
        elif type(it) is not int:
            return None
        else:
            d = x[k]
            if not -d <= it < d:
                return None
            k += 1
    out.extend(x[k:])
    return tuple(out)


@spec("getitem", a("x", Kind.TENSOR, required=True), a("key", Kind.INDEX, required=True),
      methods=("__getitem__",))
def getitem_shape(x: Shape, key: object) -> Shape:
    """``x[key]`` with basic indexing: an int drops an axis, a slice keeps it (resized),
    ``None`` adds an axis of size 1, ``...`` stands for the axes not named.

    >>> getitem_shape((5, 6, 7), (Ellipsis, 0)), getitem_shape((5, 6), (None, slice(1, 4)))
    ((5, 6), (1, 3, 6))
    >>> getitem_shape((3, 4), (0, 4))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Index out of range for "getitem": x has Tensor[3, 4]; need -4 <= index < 4 at axis 1 (index 4)
    """
    _refuse_non_index(x, key)
    try:
        items = _normalize_key(key)
    except _ArrayItem as item:
        return _array_key(x, key if isinstance(key, tuple) else (key,), item.args[0])
    if all_int(x):
        fast = _getitem_ints(x, items)  # type: ignore[arg-type]
        if fast is not None:
            return fast
    ell = [i for i, it in enumerate(items) if it is Ellipsis]
    if len(ell) > 1:
        raise ShapeError(
            messages.index_bad_key("getitem", x, f"at most one ... ({len(ell)} given)"))
    head = items[: ell[0]] if ell else items
    tail = items[ell[0] + 1:] if ell else ()
    nh = sum(1 for it in head if it is not None)
    nt = sum(1 for it in tail if it is not None)
    s = star_index(x)
    n = len(x)
    if s is None:
        if nh + nt > n:
            raise ShapeError(messages.too_many_indices("getitem", x, nh + nt))
    elif nh > s or nt > n - s - 1:
        raise CannotTell("index into a run of unknown length")
    front = _apply(x, head, x[:nh], 0, False)
    back = _apply(x, tail, x[n - nt:], n - nt, s is not None)
    return tuple(front) + x[nh: n - nt] + tuple(back)


def _along(op: str, x: Shape, ix: Shape, arg: str, axis: int) -> int:
    if star_index(x) is not None or star_index(ix) is not None:
        raise CannotTell(f"{op} on a shape of unknown rank")
    if len(x) != len(ix):
        raise ShapeError(messages.index_mismatch(
            op, x, ix, arg, f"equal ranks ({len(x)} vs {len(ix)})"))
    return locate_axis(x, axis, op)


@spec("take_along_axis", a("x", Kind.TENSOR, required=True),
      a("indices", Kind.TENSOR, required=True), a("axis", Kind.INT, required=True),
      functions=("take_along_axis",))
def take_along_axis_shape(x: Shape, indices: Shape, axis: int) -> Shape:
    """``take_along_axis(x, indices, axis)`` (numpy's): ``indices`` has ``x``'s rank; the
    output has ``indices``' size at ``axis`` and the broadcast of both elsewhere.

    >>> take_along_axis_shape((3, 4), (3, 2), 1), take_along_axis_shape((3, 4), (1, 5), 1)
    ((3, 2), (3, 5))
    >>> take_along_axis_shape((3, 4), (2, 1), 1)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot index for "take_along_axis": x has Tensor[3, 4], indices has Tensor[2, 1]; need equal sizes or 1 off the axis (3 vs 2 at axis 0)
    """
    i = _along("take_along_axis", x, indices, "indices", axis)
    out: List[SDim] = []
    for k, (p, q) in enumerate(zip(x, indices)):
        if k == i:
            out.append(q)
            continue
        d = broadcast_dim(p, q)  # type: ignore[arg-type]
        if d is None:
            raise ShapeError(messages.index_mismatch(
                "take_along_axis", x, indices, "indices",
                f"equal sizes or 1 off the axis ({dim_str(p)} vs {dim_str(q)} at axis {k})"))  # type: ignore[arg-type]
        out.append(d)
    return tuple(out)


@spec("gather", a("x", Kind.TENSOR, required=True), a("axis", Kind.INT, required=True),
      a("index", Kind.TENSOR, required=True), functions=("gather",), methods=("gather",),
      primitive=False)
def gather_shape(x: Shape, axis: int, index: Shape) -> Shape:
    """``gather(x, axis, index)`` (torch's): ``index`` has ``x``'s rank and sizes no larger
    than ``x``'s off the axis (no broadcasting); the output has ``index``'s shape.

    >>> gather_shape((3, 4), 1, (2, 6))
    (2, 6)
    >>> gather_shape((3, 4), 1, (5, 2))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot index for "gather": x has Tensor[3, 4], index has Tensor[5, 2]; need index sizes <= x sizes off the axis (5 vs 3 at axis 0)
    """
    i = _along("gather", x, index, "index", axis)
    for k, (p, q) in enumerate(zip(x, index)):
        if k != i and isinstance(p, int) and isinstance(q, int) and q > p:
            raise ShapeError(messages.index_mismatch(
                "gather", x, index, "index",
                f"index sizes <= x sizes off the axis ({q} vs {p} at axis {k})"))
    return index
