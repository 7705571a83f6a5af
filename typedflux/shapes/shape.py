"""Shape helpers shared by the rules: stars, axes, broadcasting, element counts, division.

A runtime shape is a tuple of ints; a static shape is a tuple of dims with at most one
:class:`~typedflux.shapes.dims.Star`. Every helper has a cheap path for all-int shapes, since
the runtime calls the rules on every op.

>>> from typedflux.shapes.dims import sym, Star
>>> B = sym("B")
>>> broadcast_pair((B, 1, 3), (4, 3), "add")
(B, 4, 3)
>>> broadcast_pair((Star("Bs"), 784), (784,), "add")
(*Bs, 784)
>>> locate_axis((B, 28, 28), -1, "sum")
2
"""

from __future__ import annotations

import operator

from typing import Any, Callable, NoReturn, Optional, Sequence, Tuple, Union

from typedflux.shapes import messages
from typedflux.shapes.dims import (
    UNKNOWN,
    Dim,
    Expr,
    Monomial,
    Star,
    Unknown,
    _atom_key,
    equal,
    is_one,
)
from typedflux.shapes.errors import CannotTell, ShapeError

__all__ = [
    "SDim",
    "Shape",
    "all_int",
    "as_dims",
    "star_index",
    "locate_axis",
    "insert_index",
    "axis_tuple",
    "normalize_axes",
    "broadcast_dim",
    "broadcast_pair",
    "broadcast_all",
    "prod",
    "numel",
    "surely_nonneg",
    "exact_div",
]

SDim = Union[Dim, Star]
Shape = Tuple[SDim, ...]


def all_int(shape: Sequence[object]) -> bool:
    """True when every entry is a plain ``int`` (the runtime case).

    >>> all_int((2, 3)), all_int((2, UNKNOWN))
    (True, False)
    """
    for d in shape:
        if type(d) is not int:
            return False
    return True


def as_dims(values: Sequence[object]) -> Shape:
    """Dims given by a caller, with integer-like values (numpy integers) made plain ints.

    >>> as_dims((2, UNKNOWN)), as_dims([True]) == (True,)
    ((2, ?), True)
    """
    if type(values) is tuple and all_int(values):
        return values
    out: list[Any] = []
    for v in values:
        if not isinstance(v, (int, Expr, Unknown, Star)) and hasattr(v, "__index__"):
            v = operator.index(v)
        out.append(v)
    return tuple(out)


def star_index(shape: Shape) -> Optional[int]:
    """Position of the shape's ``Star`` (a ``*Bs`` run), or ``None`` when its rank is known.

    >>> star_index((Star("Bs"), 3)), star_index((2, 3))
    (0, None)
    """
    for i, d in enumerate(shape):
        if isinstance(d, Star):
            return i
    return None


def locate_axis(shape: Shape, axis: int, op: str, arg: str = "x") -> int:
    """The tuple position of ``axis`` (negative counts from the end), as numpy reads it.

    Raises ``ShapeError`` when the axis is provably out of range and ``CannotTell`` when it
    falls inside a ``*Bs`` run.

    >>> locate_axis((2, 3), -2, "sum")
    0
    >>> locate_axis((2, 3), 2, "sum")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Axis out of range for "sum": x has Tensor[2, 3]; need -2 <= axis < 2 (axis 2)
    """
    s = star_index(shape)
    n = len(shape)
    if s is None:
        if -n <= axis < n:
            return axis + n if axis < 0 else axis
        raise ShapeError(messages.axis_out_of_range(op, arg, shape, axis))
    if 0 <= axis < s:
        return axis
    if axis < 0 and -axis <= n - s - 1:
        return n + axis
    raise CannotTell(f"axis {axis} of {messages.fmt_shape(shape)}")


def insert_index(shape: Shape, axis: int, op: str, arg: str = "x") -> int:
    """Where a new axis goes in ``shape`` so that it is ``axis`` of the result (unsqueeze,
    stack): ``-rank-1 <= axis <= rank``, negative counting from the end of the result.

    >>> insert_index((2, 3), 0, "unsqueeze"), insert_index((2, 3), -1, "unsqueeze")
    (0, 2)
    >>> insert_index((2, 3), 3, "unsqueeze")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Axis out of range for "unsqueeze": x has Tensor[2, 3]; need -3 <= axis <= 2 (axis 3)
    """
    n = len(shape)
    s = star_index(shape)
    if s is None:
        if -n - 1 <= axis <= n:
            return axis if axis >= 0 else axis + n + 1
        raise ShapeError(messages.axis_out_of_range(op, arg, shape, axis, new_axis=True))
    if 0 <= axis <= s:
        return axis
    if axis < 0 and -axis - 1 <= n - s - 1:
        return axis + n + 1
    raise CannotTell(f"new axis {axis} of {messages.fmt_shape(shape)}")


def axis_tuple(axis: object) -> Tuple[int, ...]:
    """An AXIS argument other than ``None`` as a tuple of ints (numpy integers accepted).

    >>> axis_tuple(1), axis_tuple((0, -1)), axis_tuple([2])
    ((1,), (0, -1), (2,))
    """
    if isinstance(axis, int):
        return (axis,)
    if isinstance(axis, (tuple, list)):
        return tuple(operator.index(a) for a in axis)
    return (operator.index(axis),)  # type: ignore[arg-type]


def normalize_axes(shape: Shape, axes: Sequence[int], op: str, arg: str = "x") -> Tuple[int, ...]:
    """Tuple positions of several axes; a repeated axis is an error (as in numpy).

    >>> normalize_axes((2, 3, 4), (0, -1), "sum")
    (0, 2)
    >>> normalize_axes((2, 3), (1, -1), "sum")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Repeated axis for "sum": x has Tensor[2, 3]; need distinct axes (axis (1, -1) names axis 1 twice)
    """
    out = []
    for ax in axes:
        i = locate_axis(shape, ax, op, arg)
        if i in out:
            raise ShapeError(messages.repeated_axis(op, arg, shape, tuple(axes), i))
        out.append(i)
    return tuple(out)


def broadcast_dim(a: Dim, b: Dim) -> Optional[Dim]:
    """The broadcast of two dims, or ``None`` when they provably do not broadcast.

    Only a literal 1 broadcasts; a symbol never does; an unknown dim never fails.

    >>> from typedflux.shapes.dims import sym
    >>> broadcast_dim(1, 5), broadcast_dim(sym("N"), 5), broadcast_dim(UNKNOWN, 5)
    (5, None, 5)
    >>> broadcast_dim(UNKNOWN, 1)
    ?
    """
    if a == b:
        return a
    if type(a) is int and type(b) is int:
        if b == 1:
            return a
        if a == 1:
            return b
        return None
    if is_one(a):
        return b
    if is_one(b):
        return a
    if isinstance(a, Unknown):
        return b
    if isinstance(b, Unknown):
        return a
    if is_one(a) is None or is_one(b) is None:
        return UNKNOWN  # a fresh symbol's size may be 1 (H' - 2 with H' = 3)
    if equal(a, b) is False:
        return None
    if equal(a, b, promised=True) is False:
        return UNKNOWN  # (equal on a class of sizes, (H + 1)//2 and H//2: an annotation may not be)
    return a if isinstance(a, int) else b  # (undecided, neither 1: equal at run time; the simpler)


def _undecided(a: Dim, b: Dim, d: Dim) -> bool:
    """Whether ``a`` and ``b`` (broadcast to ``d``) may still clash at run time.

    >>> from typedflux.shapes.dims import sym
    >>> _undecided(UNKNOWN, 5, 5), _undecided(1, 5, 5), _undecided(sym("N"), sym("N"), sym("N"))
    (True, False, False)
    """
    if a == b or type(a) is int and type(b) is int or is_one(a) is True or is_one(b) is True:
        return False
    if isinstance(a, Unknown) or isinstance(b, Unknown) or isinstance(d, Unknown):
        return True
    return equal(a, b) is not True


def _in_order(
    pairs: Sequence[Tuple[int, Dim, Dim]], fail: Callable[[int, Dim, Dim], NoReturn],
    undecided: bool = False,
) -> list[SDim]:
    """Broadcast ``(axis, a, b)`` pairs in the order the run time checks them (the first axis
    first).

    A clash is named only when no axis checked before it may clash and the axis counts
    from the end (the run time's count); otherwise the run time could name another axis than
    this one (a symbol's size may make an earlier axis clash), so ``CannotTell`` leaves the
    result unknown. ``undecided``: an axis before these pairs may already clash.
    """
    out: list[SDim] = []
    for axis, a, b in pairs:
        d = broadcast_dim(a, b)
        if d is None:
            if undecided or axis >= 0:
                raise CannotTell("the axis the run time names is not known")
            fail(axis, a, b)
        undecided = undecided or _undecided(a, b, d)
        out.append(d)
    return out


def _broadcast(
    x: Shape, y: Shape, fail: Callable[[int, Dim, Dim], NoReturn]
) -> Shape:
    """Broadcast two shapes; ``fail(axis, a, b)`` raises on a proven mismatch at ``axis``."""
    easy = _easy(x, y)
    if easy is not None:
        return easy
    sx, sy = star_index(x), star_index(y)
    if sx is None and sy is None:
        nx, ny = len(x), len(y)
        n = nx if nx > ny else ny
        return tuple(_in_order([
            (i, x[i] if -i <= nx else 1, y[i] if -i <= ny else 1)  # type: ignore[misc]
            for i in range(-n, 0)], fail))
    if sx is not None and sx == sy and len(x) == len(y) and x[sx] == y[sy] and x[sx] != Star():
        # The same named run at the same place: the dims around it align one to one (an
        # axis before the run counts from the end by the run's length: never named).
        n = len(x)
        same = _in_order([
            (i - n if i > sx else i, x[i], y[i])  # type: ignore[misc]
            for i in range(n) if i != sx], fail)
        return tuple(same[:sx]) + (x[sx],) + tuple(same[sx:])
    post_x = x[sx + 1:] if sx is not None else x
    post_y = y[sy + 1:] if sy is not None else y
    k = min(len(post_x), len(post_y))
    # The axes before the tail line up with a run of unknown sizes: a dim there may meet one
    # that clashes before the tail, and the run time names that axis (``Tensor[2, 3, 4, 4]``
    # and ``Tensor[1, ..., 3]``: the run may make axis -3 clash). Not a 1, which broadcasts,
    # nor an unknown dim (two unknown dims are taken as equal, as ``_undecided`` does).
    ahead = [d for d in x[: len(x) - k] + y[: len(y) - k]
             if not isinstance(d, (Star, Unknown)) and is_one(d) is not True]
    tail = _in_order([(i, x[i], y[i]) for i in range(-k, 0)], fail,  # type: ignore[misc]
                     undecided=bool(ahead))
    if sy is None and len(y) <= len(post_x):
        return x[: len(x) - k] + tuple(tail)
    if sx is None and len(x) <= len(post_y):
        return y[: len(y) - k] + tuple(tail)
    # The rest lines up with a run of unknown length: only the tail is certain.
    return (Star(),) + tuple(tail)


def _easy(x: Shape, y: Shape) -> Optional[Shape]:
    """The broadcast of equal shapes, or of int shapes that broadcast; ``None`` otherwise
    (symbols, or a clash, which the general path words).

    >>> _easy((2, 1), (3,)), _easy((2,), (3,))
    ((2, 3), None)
    """
    if x == y:
        return x
    if all_int(x) and all_int(y):
        return _broadcast_ints(x, y)  # type: ignore[arg-type]
    return None


def _broadcast_ints(x: Tuple[int, ...], y: Tuple[int, ...]) -> Optional[Shape]:
    """The runtime case, kept tight (it runs on every broadcasting op); ``None`` on a clash,
    which the general path then reports."""
    nx, ny = len(x), len(y)
    if nx < ny:
        x, y, nx, ny = y, x, ny, nx
    out = list(x)
    off = nx - ny
    for i in range(ny):
        a, b = x[off + i], y[i]
        if a != b:
            if a == 1:
                out[off + i] = b
            elif b != 1:
                return None
    return tuple(out)


def broadcast_pair(x: Shape, y: Shape, op: str, xname: str = "x", yname: str = "y") -> Shape:
    """numpy broadcasting of two shapes with rigid symbols; ``ShapeError`` on a proven clash.

    >>> broadcast_pair((2, 10), (2, 5), "add")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot broadcast for "add": x has Tensor[2, 10], y has Tensor[2, 5]; need equal sizes or 1 at axis -1 (10 vs 5)
    """

    easy = _easy(x, y)  # before the closure below: most calls end here
    if easy is not None:
        return easy

    def fail(axis: int, a: Dim, b: Dim) -> NoReturn:
        hint = _missing_axis_hint(x, xname, y, yname)
        raise ShapeError(messages.broadcast_mismatch(op, xname, x, yname, y, axis, a, b, hint))

    return _broadcast(x, y, fail)


def _missing_axis_hint(x: Shape, xname: str, y: Shape, yname: str) -> Optional[str]:
    # The classic slip: a reduction without keepdims leaves Tensor[B] where Tensor[B, 1]
    # was meant, so the shorter shape matches the leading axes of the longer one.
    if star_index(x) is not None or star_index(y) is not None or len(x) == len(y):
        return None
    short, long, name = (y, x, yname) if len(y) < len(x) else (x, y, xname)
    if len(long) - len(short) != 1 or not short:
        return None
    if all(equal(p, q) is True for p, q in zip(short, long)):  # type: ignore[arg-type]
        return f"{name}[..., None] (or keepdims=True where {name} was reduced)"
    return None


def broadcast_all(
    shapes: Sequence[Shape], op: str, name: str = "xs", names: Optional[Sequence[str]] = None
) -> Shape:
    """Broadcast a sequence of shapes (a fold); a clash names the two clashing arguments.

    Arguments are called ``xs[0]``, ``xs[1]``, ... unless ``names`` are given.

    >>> broadcast_all([(3, 1), (1, 4), (4,)], "add")
    (3, 4)
    >>> broadcast_all([(3, 1), (1, 4), (5,)], "add")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot broadcast for "add": xs[1] has Tensor[1, 4], xs[2] has Tensor[5]; need equal sizes or 1 at axis -1 (4 vs 5)
    """
    if not shapes:
        raise ShapeError(messages.no_tensors(op, name))
    out = shapes[0]
    for j in range(1, len(shapes)):
        if shapes[j] == out:
            continue
        try:
            out = broadcast_pair(out, shapes[j], op)
        except ShapeError:
            # The fold's running shape is no argument: find the pair that clashes (one does,
            # since the running shape's dims each come from some argument).
            label = (lambda k: names[k]) if names is not None else (lambda k: f"{name}[{k}]")
            for i in range(j):
                broadcast_pair(shapes[i], shapes[j], op, label(i), label(j))
            raise
    return out


def prod(dims: Sequence[Dim]) -> Dim:
    """The product of dims (1 for none).

    >>> from typedflux.shapes.dims import sym
    >>> prod((sym("B"), 28, 28))
    784*B
    """
    total: Dim = 1
    for d in dims:
        total = total * d
    return total


def numel(shape: Shape) -> Dim:
    """Number of elements; ``UNKNOWN`` when the shape has a ``*Bs`` run.

    >>> numel((2, 3, 4)), numel((Star("Bs"), 3))
    (24, ?)
    """
    if star_index(shape) is not None:
        return UNKNOWN
    return prod(shape)  # type: ignore[arg-type]


def surely_nonneg(d: Dim) -> bool:
    """True when ``d >= 0`` for every value of its symbols, taking each symbol to be ``>= 1``.

    A sufficient test, not a decision procedure: ``False`` means "not shown".

    >>> from typedflux.shapes.dims import sym
    >>> N = sym("N")
    >>> surely_nonneg(N - 1), surely_nonneg(N - 2), surely_nonneg(2 * N - 2)
    (True, False, True)
    """
    if isinstance(d, int):
        return d >= 0
    if not isinstance(d, Expr):
        return False
    const = 0
    lower = 0
    for mono, c in d.terms:
        if not mono:
            const = c
            continue
        if c < 0 or not all(isinstance(atom, str) for atom, _ in mono):
            return False
        lower += c  # each monomial of symbols >= 1 is itself >= 1
    return lower + const >= 0


def exact_div(a: Dim, b: Dim) -> Optional[Dim]:
    """``a / b`` when it divides exactly as polynomials, else ``None`` (``UNKNOWN`` if unknown).

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> exact_div(784 * B, 28 * 28), exact_div(B * B + B, B + 1), exact_div(784 * B, 700)
    (B, B, None)
    """
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return UNKNOWN
    if isinstance(b, int):
        if b == 0:
            return None
        if isinstance(a, int):
            return a // b if a % b == 0 else None
        if all(c % b == 0 for _, c in a.terms):
            return Expr._make({m: c // b for m, c in a.terms})
        return None
    # Multivariate long division in graded lexicographic order (a monomial order, so the
    # greedy step on leading terms is exact when the division is, and a leftover proves
    # it is not).
    atoms = sorted({atom for e in (a, b) if isinstance(e, Expr) for m, _ in e.terms
                    for atom, _ in m}, key=_atom_key)

    def leading(e: Expr) -> Tuple[Monomial, int]:
        def key(mc: Tuple[Monomial, int]) -> Tuple[int, Tuple[int, ...]]:
            powers = dict(mc[0])
            return (sum(powers.values()), tuple(powers.get(t, 0) for t in atoms))

        return max(e.terms, key=key)

    quotient: Dim = 0
    rest: Dim = a
    lead_m, lead_c = leading(b)
    for _ in range(10_000):
        if isinstance(rest, int):
            return quotient if rest == 0 else None
        assert isinstance(rest, Expr)
        m, c = leading(rest)
        qm = _mono_divide(m, lead_m)
        if qm is None or c % lead_c != 0:
            return None
        term = Expr._make({qm: c // lead_c})
        quotient = quotient + term
        rest = rest - term * b
    return None


def _mono_divide(m: Monomial, d: Monomial) -> Optional[Monomial]:
    powers = dict(m)
    for atom, p in d:
        have = powers.get(atom, 0)
        if have < p:
            return None
        powers[atom] = have - p
    kept = [(atom, p) for atom, p in m if powers[atom] > 0]
    return tuple((atom, powers[atom]) for atom, _ in kept)
