"""Shape rules of ``matmul`` (numpy semantics: 1-d operands, batched broadcasting) and of the
triangle masks ``tril``/``triu``.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["matmul"].rule(x=(5, 2, 3), w=(3, 4))
(5, 2, 4)
"""

from __future__ import annotations

from typing import List, NoReturn, Optional, Tuple, cast

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import Dim, Star, equal
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import Shape, _broadcast, all_int, star_index

__all__ = ["matmul_shape", "tril_shape", "triu_shape"]


def _is_1d(s: Shape) -> Optional[bool]:
    """Whether a shape is 1-d: ``None`` when a ``*Bs`` run makes it undecidable."""
    k = star_index(s)
    if k is None:
        return len(s) == 1
    return False if len(s) - k - 1 >= 2 else None


def _swapped(s: Shape) -> Shape:
    return s[:-2] + (s[-1], s[-2])


def _composes(x: Shape, w: Shape) -> bool:
    """Whether ``x @ w`` provably goes through: the contracted dims equal and the batch axes
    equal or ``1``, for every value of the symbols (an unknown dim proves nothing)."""
    if star_index(x) is not None or star_index(w) is not None or len(x) < 1 or len(w) < 1:
        return False
    inner_w = w[-2] if len(w) >= 2 else w[-1]
    if equal(cast(Dim, x[-1]), cast(Dim, inner_w)) is not True:
        return False
    bx, bw = x[:-2], w[:-2]
    for p, q in zip(reversed(bx), reversed(bw)):
        if not (p == 1 or q == 1 or equal(cast(Dim, p), cast(Dim, q)) is True):
            return False
    return True


def _hint(x: Shape, w: Shape) -> Optional[str]:
    """A transpose that makes the product go through, batch axes included (swapping one
    operand's last two axes would leave them apart otherwise), else ``None``. When an
    operand looks like a ``.T`` of a tensor of rank 3 or more (every axis reversed, where a
    matrix transpose of each item was meant: ``q @ k.T`` on ``Tensor[B, T, D]``), the hint
    says to swap only the last two axes of that tensor, and what the operand would be."""
    candidates: List[Tuple[Shape, Shape, str]] = []
    if star_index(w) is None and len(w) >= 2:
        candidates.append((x, _swapped(w), "transpose w (w.T)" if len(w) == 2 else
                           "swap the last two axes of w (swapaxes(w, -1, -2))"))
    if star_index(x) is None and len(x) >= 2:
        candidates.append((_swapped(x), w, "transpose x (x.T)" if len(x) == 2 else
                           "swap the last two axes of x (swapaxes(x, -1, -2))"))
    for name, s in (("w", w), ("x", x)):
        if star_index(s) is None and len(s) >= 3:
            meant = _swapped(s[::-1])
            text = (f"swap only the last two axes of the tensor {name} was made from by .T "
                    f"(.T reverses all {len(s)} axes; that tensor's .swapaxes(-1, -2) is "
                    f"{messages.fmt_shape(meant)})")
            candidates.append((x, meant, text) if name == "w" else (meant, w, text))
    for cx, cw, text in candidates:
        if _composes(cx, cw):
            return text
    return None


@spec("matmul", a("x", Kind.TENSOR, required=True), a("w", Kind.TENSOR, required=True),
      functions=("matmul",), methods=("__matmul__",), reflected=("__rmatmul__",))
def matmul_shape(x: Shape, w: Shape) -> Shape:
    """``x @ w``: ``Tensor[*A, n, k] @ Tensor[*B, k, m] -> Tensor[broadcast(A, B), n, m]``.

    A 1-d ``x`` is a row (its axis removed from the result), a 1-d ``w`` a column.

    >>> matmul_shape((2, 3), (3, 4)), matmul_shape((3,), (3, 4)), matmul_shape((3,), (3,))
    ((2, 4), (4,), ())
    >>> matmul_shape((1, 2), (3, 2))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Inner dimensions differ for "matmul": x has Tensor[1, 2], w has Tensor[3, 2]; need x.shape[-1] == w.shape[-2] (2 vs 3); did you mean to transpose w (w.T)?
    """
    nx, nw = len(x), len(w)
    if (nx == 2 and nw == 2 and type(x[1]) is int and type(w[0]) is int and x[1] == w[0]
            and not isinstance(x[0], Star) and not isinstance(w[1], Star)):
        return (x[0], w[1])  # the common runtime case
    if nx >= 2 and nw >= 2 and x[-1] == w[-2] and all_int(x) and all_int(w):
        bx, bw = x[:-2], w[:-2]
        if bx == bw or not bw:
            return bx + (x[-2], w[-1])
        if not bx:
            return bw + (x[-2], w[-1])
    if nx == 0 or nw == 0:
        raise ShapeError(messages.matmul_scalar("matmul", x, w))
    x1, w1 = _is_1d(x), _is_1d(w)
    sx = star_index(x)
    # x always contracts its last axis, known unless a *Bs run ends the shape.
    inner_x = cast(Dim, x[-1]) if (sx is None or sx < nx - 1) else None
    inner_w: Optional[Dim] = None
    w_index = -2
    if w1 is True:
        inner_w, w_index = w[-1], -1  # type: ignore[assignment]
    elif w1 is False:
        inner_w = w[-2]  # type: ignore[assignment]
    if inner_x is not None and inner_w is not None and equal(inner_x, inner_w) is False:
        raise ShapeError(messages.matmul_inner_mismatch(
            "matmul", x, w, -1, w_index, inner_x, inner_w, _hint(x, w)))
    if x1 is None or w1 is None:
        raise CannotTell("matmul of an operand of unknown rank")
    if x1 and w1:
        return ()
    if x1:
        return w[:-2] + w[-1:]
    if w1:
        return x[:-1]

    def fail(axis: int, p: Dim, q: Dim) -> NoReturn:
        shown = axis if axis >= 0 else axis - 2  # counted in the whole shapes
        raise ShapeError(messages.matmul_batch_mismatch("matmul", x, w, shown, p, q))

    batch = _broadcast(x[:-2], w[:-2], fail)
    # At run time an undecided inner dim is impossible; statically keep the known side.
    return batch + (x[-2], w[-1])


def _triangle(x: Shape, op: str) -> Shape:
    if star_index(x) is None and len(x) < 2:  # a *Bs run may hold the two axes
        raise ShapeError(messages.rank_too_small(op, "x", x, 2))
    return x


# ``k`` (which diagonal) changes values, never the shape.
_TRI = (a("x", Kind.TENSOR, required=True), a("k", Kind.IGNORED, 0))


@spec("tril", *_TRI, functions=("tril",), methods=("tril",))
def tril_shape(x: Shape) -> Shape:
    """``tril(x, k=0)``: the shape of ``x``, which needs at least 2 axes (the last two are
    the matrix; leading axes are a batch).

    >>> tril_shape((3, 4)), tril_shape((2, 3, 3))
    ((3, 4), (2, 3, 3))
    >>> tril_shape((3,))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Too few dimensions for "tril": x has Tensor[3]; need at least 2 dimensions (1 given)
    """
    return _triangle(x, "tril")


@spec("triu", *_TRI, functions=("triu",), methods=("triu",))
def triu_shape(x: Shape) -> Shape:
    """``triu(x, k=0)``: as ``tril``.

    >>> triu_shape((4, 4))
    (4, 4)
    """
    return _triangle(x, "triu")
