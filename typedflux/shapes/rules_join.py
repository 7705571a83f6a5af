"""Shape rules that join several tensors (``concat``, ``stack``, ``cat``, ``add``/``mul`` of
many) and that split one into several (``split``, ``chunk``: one shape per output).

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["concat"].rule(xs=((2, 3), (2, 5)), axis=-1), SPECS["stack"].rule(xs=((2, 3), (2, 3)), axis=0)
((2, 8), (2, 2, 3))
"""

from __future__ import annotations

from typing import List, Sequence, Tuple, cast

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import UNKNOWN, Dim, Star, Unknown, equal
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import (
    SDim,
    Shape,
    all_int,
    as_dims,
    broadcast_all,
    exact_div,
    insert_index,
    locate_axis,
    star_index,
)

__all__ = [
    "concat_shape",
    "stack_shape",
    "cat_shape",
    "add_n_shape",
    "mul_n_shape",
    "split_shape",
    "chunk_shape",
]

_XS = a("xs", Kind.TENSORS, required=True)


def _same_layout(op: str, xs: Sequence[Shape]) -> None:
    """All shapes have the same rank (or the same ``*Bs`` structure); else error/CannotTell."""
    s0 = star_index(xs[0])
    for j, x in enumerate(xs):
        sj = star_index(x)
        if s0 is None and sj is None:
            if len(x) != len(xs[0]):
                raise ShapeError(messages.join_rank_mismatch(op, 0, xs[0], j, x))
        elif (sj is None or sj != s0 or len(x) != len(xs[0]) or x[sj] != xs[0][sj]
              or x[sj] == Star()):
            raise CannotTell(f"{op} of shapes of unknown rank")


def _join(op: str, xs: Sequence[Shape], along: int, new_axis: bool) -> Shape:
    if not xs:
        raise ShapeError(messages.no_tensors(op))
    first = xs[0]
    if all_int(first) and all(x == first for x in xs):
        if new_axis:
            i = insert_index(first, along, op, "xs[0]")
            return first[:i] + (len(xs),) + first[i:]
        if not first:
            raise ShapeError(messages.join_scalar(op, 0, first))
        i = locate_axis(first, along, op, "xs[0]")
        return first[:i] + (first[i] * len(xs),) + first[i + 1:]  # type: ignore[operator]
    if not new_axis and first and all(all_int(x) and len(x) == len(first) for x in xs):
        n = len(first)
        if -n <= along < n:  # the common runtime case: sizes differ only along the axis
            i = along + n if along < 0 else along
            head, tail = first[:i], first[i + 1:]
            if all(x[:i] == head and x[i + 1:] == tail for x in xs):
                return head + (sum(x[i] for x in xs),) + tail  # type: ignore[misc]
    _same_layout(op, xs)
    if new_axis:
        i = insert_index(first, along, op, "xs[0]")
        skip = -1
    else:
        for j, x in enumerate(xs):
            if not x:
                raise ShapeError(messages.join_scalar(op, j, x))
        try:
            i = locate_axis(first, along, op, "xs[0]")
        except CannotTell:
            _off_run_sizes(op, xs, along)
            raise
        skip = i
    out: List[SDim] = list(first)
    s = star_index(first)
    for j in range(1, len(xs)):
        x = xs[j]
        for k, (p, q) in enumerate(zip(out, x)):
            if k == skip or isinstance(p, Star):
                continue
            if equal(p, q) is False:  # type: ignore[arg-type]
                shown = k if s is None or k < s else k - len(first)
                # The running shape holds sizes from earlier tensors: name one that clashes.
                src = next((m for m in range(j)
                            if equal(xs[m][k], q) is False), 0)  # type: ignore[arg-type]
                raise ShapeError(messages.join_size_mismatch(
                    op, src, xs[src], j, x, shown, xs[src][k], q,  # type: ignore[arg-type]
                    None if new_axis else (i if s is None or i < s else i - len(first))))
            if isinstance(p, Unknown) or (not isinstance(p, int) and isinstance(q, int)):
                out[k] = q  # the most precise thing known about that axis
            elif not isinstance(q, (int, Star)) and equal(p, q, promised=True) is False:
                out[k] = UNKNOWN  # (equal on a class of sizes only: shape.broadcast_dim)
    if new_axis:
        return tuple(out[:i]) + (len(xs),) + tuple(out[i:])
    total: Dim = 0
    for x in xs:
        total = total + x[i]  # type: ignore[operator]
    out[i] = total
    return tuple(out)


def _off_run_sizes(op: str, xs: Sequence[Shape], along: int) -> None:
    """A join along an axis that may fall inside the shapes' shared ``*Shape`` run (``cat``
    along axis 0 of ``Tensor[*Shape, N]`` and ``Tensor[*Shape, M]``): for every run long
    enough to hold that axis, the dims written around the run are off the join axis and
    must be equal; a pair that differs is refused, the lengths it holds for in a note. (For
    shorter runs the axis is one of those dims; nothing is said of them.)"""
    first = xs[0]
    s = star_index(first)
    star = first[s] if s is not None else None
    if s is None or not isinstance(star, Star) or star.name is None:
        return
    tail = len(first) - s - 1
    # The least run length that holds the axis: ``along`` >= s counts from the start,
    # a negative one from the end, past the dims after the run.
    least = along - s + 1 if along >= 0 else -along - tail
    if least < 1:
        return
    for j in range(1, len(xs)):
        x = xs[j]
        for k, (p, q) in enumerate(zip(first, x)):
            if k == s or equal(p, q) is not False:  # type: ignore[arg-type]
                continue
            shown = k if k < s else k - len(first)
            items = "item" if least == 1 else "items"
            raise ShapeError(
                messages.join_size_mismatch(op, 0, first, j, x, shown, p, q, along),  # type: ignore[arg-type]
                [f"for every {star} of at least {least} {items}, which holds axis {along}"])


@spec("concat", _XS, a("axis", Kind.INT, -1), functions=("concat",))
def concat_shape(xs: Sequence[Shape], axis: int = -1) -> Shape:
    """``concat(xs, axis)``: equal shapes except at ``axis``, whose sizes add up.

    >>> from typedflux.shapes.dims import sym
    >>> concat_shape([(sym("B"), 3), (sym("B"), sym("N"))])
    (B, N + 3)
    >>> concat_shape([(2, 3), (4, 5)], axis=1)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ for "concat": xs[0] has Tensor[2, 3], xs[1] has Tensor[4, 5]; need equal sizes except at axis 1 (2 vs 4 at axis 0)
    >>> from typedflux.shapes.dims import Star
    >>> concat_shape([(Star("Shape"), sym("N")), (Star("Shape"), sym("M"))], axis=0)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ for "concat": xs[0] has Tensor[*Shape, N], xs[1] has Tensor[*Shape, M]; need equal sizes except at axis 0 (N vs M at axis -1)
      for every *Shape of at least 1 item, which holds axis 0
    """
    return _join("concat", xs, axis, False)


@spec("cat", _XS, a("axis", Kind.INT, -1), functions=("cat",), primitive=False)
def cat_shape(xs: Sequence[Shape], axis: int = -1) -> Shape:
    """``cat(*xs, axis=-1)``: ``concat`` for use as a ``SkipConnection``/``Parallel`` connection.

    >>> cat_shape([(2, 3), (2, 4)])
    (2, 7)
    """
    return _join("cat", xs, axis, False)


@spec("stack", _XS, a("axis", Kind.INT, 0), functions=("stack",))
def stack_shape(xs: Sequence[Shape], axis: int = 0) -> Shape:
    """``stack(xs, axis)``: equal shapes, a new axis of size ``len(xs)`` at ``axis``.

    >>> stack_shape([(2, 3)] * 4), stack_shape([(2, 3)] * 4, axis=-1)
    ((4, 2, 3), (2, 3, 4))
    """
    return _join("stack", xs, axis, True)


@spec("add_n", _XS, functions=("add",), primitive=False)
def add_n_shape(xs: Sequence[Shape]) -> Shape:
    """``add(*xs)``: the broadcast of all shapes (a connection for ``SkipConnection``).

    >>> add_n_shape([(2, 3), (3,), (1, 3)])
    (2, 3)
    """
    return broadcast_all(xs, "add")


@spec("mul_n", _XS, functions=("mul",), primitive=False)
def mul_n_shape(xs: Sequence[Shape]) -> Shape:
    """``mul(*xs)``: the broadcast of all shapes.

    >>> mul_n_shape([(2, 1), (1, 3)])
    (2, 3)
    """
    return broadcast_all(xs, "mul")


def _shown_axis(x: Shape, i: int) -> int:
    s = star_index(x)
    return i if s is None or i < s else i - len(x)


def _with_size(x: Shape, i: int, d: SDim) -> Shape:
    return x[:i] + (d,) + x[i + 1:]


@spec("split", a("x", Kind.TENSOR, required=True), a("sizes", Kind.DIMS, required=True),
      a("axis", Kind.INT, -1), functions=("split",), methods=("split",), primitive=False,
      several=True)
def split_shape(x: Shape, sizes: Sequence[Dim], axis: int = -1) -> Tuple[Shape, ...]:
    """``split(x, sizes, axis=-1)``: one output per size, each ``x`` with ``sizes[k]`` at
    ``axis``; the sizes must add up to the axis (the inverse of ``concat``).

    >>> from typedflux.shapes.dims import sym
    >>> D = sym("D")
    >>> split_shape((2, 5, 3 * D), (D, D, D))
    ((2, 5, D), (2, 5, D), (2, 5, D))
    >>> split_shape((8, 10, 192), (64, 64, 32))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes do not add up for "split": x has Tensor[8, 10, 192], sizes are (64, 64, 32); need a sum of 192 at axis 2 (160 vs 192)
    """
    # The caller's sizes are dims (no star), so as_dims gives dims back.
    sizes = cast(Tuple[Dim, ...], as_dims(tuple(sizes)))
    i = locate_axis(x, axis, "split")
    for k, d in enumerate(sizes):
        if isinstance(d, int) and d < 0:
            raise ShapeError(messages.negative_size("split", sizes, k, d))
    total: Dim = 0
    for d in sizes:
        total = total + d
    xi = x[i]
    assert not isinstance(xi, Star)  # locate_axis never lands on the star
    if equal(total, xi) is False:
        raise ShapeError(messages.split_sizes_mismatch(
            "split", x, sizes, _shown_axis(x, i), total, xi))
    return tuple(_with_size(x, i, d) for d in sizes)


@spec("chunk", a("x", Kind.TENSOR, required=True), a("chunks", Kind.INT, required=True),
      a("axis", Kind.INT, -1), functions=("chunk",), methods=("chunk",), primitive=False,
      several=True)
def chunk_shape(x: Shape, chunks: int, axis: int = -1) -> Tuple[Shape, ...]:
    """``chunk(x, chunks, axis=-1)``: ``chunks`` equal parts of ``axis``, which must divide
    evenly (``split`` takes uneven sizes).

    >>> from typedflux.shapes.dims import sym
    >>> chunk_shape((2, 12), 3), chunk_shape((sym("B"), 3 * sym("D")), 3)[0]
    (((2, 4), (2, 4), (2, 4)), (B, D))
    >>> chunk_shape((2, 10), 3)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot split evenly for "chunk": x has Tensor[2, 10], chunks is 3; need the size at axis 1 divisible by 3 (10 % 3 = 1)
    """
    if chunks < 1:
        raise ShapeError(messages.zero_chunks("chunk", x, chunks))
    i = locate_axis(x, axis, "chunk")
    d = x[i]
    part = exact_div(d, chunks)  # type: ignore[arg-type]
    if part is None:
        part = d // chunks  # type: ignore[operator]
        rest = d - part * chunks  # type: ignore[operator]
        if isinstance(rest, int) and rest != 0:
            raise ShapeError(messages.chunks_not_divisible(
                "chunk", x, chunks, _shown_axis(x, i), d, rest))  # type: ignore[arg-type]
    return (_with_size(x, i, part),) * chunks
