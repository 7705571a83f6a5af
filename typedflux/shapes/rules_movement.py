"""Shape rules that move elements around: reshape, transpose, ``T``, swapaxes, squeeze,
unsqueeze, flatten.

>>> from typedflux.shapes.catalog import SPECS
>>> from typedflux.shapes.dims import sym
>>> SPECS["reshape"].rule(x=(sym("B"), 28, 28), shape=(sym("B"), -1))
(B, 784)
"""

from __future__ import annotations

import itertools
from typing import Dict, List, Sequence, Tuple, Union, cast

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import (
    UNKNOWN, Dim, Expr, FloorDiv, Star, equal, evaluate, is_one, sym, symbols,
)
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import (
    SDim,
    Shape,
    all_int,
    axis_tuple,
    as_dims,
    exact_div,
    insert_index,
    locate_axis,
    normalize_axes,
    numel,
    prod,
    star_index,
)

__all__ = [
    "reshape_shape",
    "transpose_shape",
    "T_shape",
    "swapaxes_shape",
    "squeeze_shape",
    "unsqueeze_shape",
    "flatten_shape",
]

_X = a("x", Kind.TENSOR, required=True)


def _reshape_ints(x: Tuple[int, ...], target: Tuple[int, ...]) -> Shape:
    """The runtime case: every size known."""
    holes = target.count(-1)
    for i, d in enumerate(target):
        if d < -1:
            raise ShapeError(messages.reshape_bad_target(
                "reshape", x, target, f"sizes >= 0 or a single -1 ({d} at position {i})"))
    total = 1
    for d in x:
        total *= d
    if holes == 0:
        size = 1
        for d in target:
            size *= d
        if size != total:
            raise ShapeError(messages.reshape_size_mismatch("reshape", x, target, total, size))
        return target
    if holes > 1:
        raise ShapeError(messages.reshape_bad_target(
            "reshape", x, target, f"at most one -1 ({holes} given)"))
    known = 1
    for d in target:
        if d != -1:
            known *= d
    if known == 0 or total % known:
        raise ShapeError(messages.reshape_not_divisible("reshape", x, target, total, known))
    return tuple(total // known if d == -1 else d for d in target)


def _divisors(d: Expr, out: List[int]) -> None:
    for mono, _ in d.terms:
        for atom, _ in mono:
            if isinstance(atom, FloorDiv):
                out.append(atom.den)
                _divisors(atom.num, out)


def _equal_for_some_remainders(have: Dim, want: Dim) -> bool:
    """Whether two element counts that differ for some sizes (``B*N`` and ``2*B*(N//2)``)
    are equal for every size in some class of remainders (every even ``N``): their
    difference is then one of divisibility, which a generic size may or may not meet, so it
    proves nothing (the run time checks the sizes it gets). ``4*N`` against ``8*(N//2)`` is
    equal for no such class (it is ``2*N`` off for even ``N``).

    >>> from typedflux.shapes.dims import sym
    >>> B, N = sym("B"), sym("N")
    >>> _equal_for_some_remainders(B * N, 2 * B * (N // 2)), _equal_for_some_remainders(4 * N, 8 * (N // 2) * 2)
    (True, False)
    """
    diff = have - want
    if not isinstance(diff, Expr):
        return False
    dens: List[int] = []
    _divisors(diff, dens)
    step = 1
    for den in dens:
        step *= den
    names = sorted(symbols(diff))
    if not dens:
        return False  # a polynomial's difference: differs (rigid symbols, docs/design.md)
    if step > 64 or step ** len(names) > 256:
        return True  # too many classes to try: nothing is proven
    for rests in itertools.product(range(step), repeat=len(names)):
        env: Dict[str, Dim] = {n: step * sym(n) + r for n, r in zip(names, rests)}
        if evaluate(diff, env) == 0:
            return True
    return False


@spec("reshape", _X, a("shape", Kind.DIMS, required=True), functions=("reshape",),
      methods=("reshape",))
def reshape_shape(x: Shape, shape: Sequence[Dim]) -> Shape:
    """``reshape(x, shape)``: same element count; one ``-1`` is solved for.

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> reshape_shape((B, 784), (-1, 28, 28)), reshape_shape((6,), (2, -1))
    ((B, 28, 28), (2, 3))
    >>> reshape_shape((B, 784), (B, 700))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot reshape for "reshape": x has Tensor[B, 784], target is (B, 700); need equal element counts (784*B vs 700*B)
    """
    target = cast(Tuple[Dim, ...], as_dims(shape))
    if all_int(target) and all_int(x):
        return _reshape_ints(cast(Tuple[int, ...], x), cast(Tuple[int, ...], target))
    if any(isinstance(d, Star) for d in target):
        raise CannotTell("reshape to a shape of unknown rank")
    holes = sum(1 for d in target if isinstance(d, int) and d == -1)
    for i, d in enumerate(target):
        if isinstance(d, int) and d < -1:
            raise ShapeError(messages.reshape_bad_target(
                "reshape", x, target, f"sizes >= 0 or a single -1 ({d} at position {i})"))
    if holes > 1:
        raise ShapeError(messages.reshape_bad_target(
            "reshape", x, target, f"at most one -1 ({holes} given)"))
    have = numel(x)
    if holes == 0:
        want = prod(target)
        if equal(have, want) is False and not _equal_for_some_remainders(have, want):
            raise ShapeError(messages.reshape_size_mismatch("reshape", x, target, have, want))
        return target
    known = prod([d for d in target if not (isinstance(d, int) and d == -1)])
    if isinstance(known, int) and known == 0:
        raise ShapeError(messages.reshape_not_divisible("reshape", x, target, have, known))
    solved = exact_div(have, known)
    if solved is None:
        if isinstance(have, int) and isinstance(known, int):
            raise ShapeError(messages.reshape_not_divisible("reshape", x, target, have, known))
        solved = UNKNOWN  # divisible for some sizes only: not provably wrong
    return tuple(solved if isinstance(d, int) and d == -1 else d for d in target)


def _reverse(x: Shape) -> Shape:
    rev = tuple(reversed(x))
    # A reversed named run is not that run: all that is known is its length.
    return tuple(Star() if isinstance(d, Star) else d for d in rev)


@spec("transpose", _X, a("axes", Kind.AXES, ()), functions=("transpose",),
      methods=("transpose",))
def transpose_shape(x: Shape, axes: Sequence[int] = ()) -> Shape:
    """``transpose(x, axes)``: permute axes; no axes reverses them (numpy semantics).

    >>> transpose_shape((2, 3, 4), (0, 2, 1)), transpose_shape((2, 3, 4))
    ((2, 4, 3), (4, 3, 2))
    >>> transpose_shape((2, 3), (0,))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Wrong axes for "transpose": x has Tensor[2, 3]; need a permutation of 0..1 (axes (0))
    """
    axes = tuple(axes)
    if not axes:
        return _reverse(x)
    if star_index(x) is not None:
        raise CannotTell("transpose of a shape of unknown rank")
    n = len(x)
    if len(axes) != n or any(not -n <= ax < n for ax in axes):
        raise ShapeError(messages.bad_permutation("transpose", x, axes))
    idx = [ax % n for ax in axes]
    if len(set(idx)) != n:
        raise ShapeError(messages.bad_permutation("transpose", x, axes))
    return tuple(x[i] for i in idx)


@spec("T", _X, properties=("T",), primitive=False)
def T_shape(x: Shape) -> Shape:
    """``x.T``: all axes reversed.

    >>> T_shape((2, 3))
    (3, 2)
    """
    return _reverse(x)


@spec("swapaxes", _X, a("axis1", Kind.INT, required=True), a("axis2", Kind.INT, required=True),
      functions=("swapaxes",), methods=("swapaxes",), primitive=False)
def swapaxes_shape(x: Shape, axis1: int, axis2: int) -> Shape:
    """``swapaxes(x, axis1, axis2)``.

    >>> swapaxes_shape((2, 3, 4), 0, -1)
    (4, 3, 2)
    """
    i = locate_axis(x, axis1, "swapaxes")
    j = locate_axis(x, axis2, "swapaxes")
    out = list(x)
    out[i], out[j] = out[j], out[i]
    return tuple(out)


@spec("squeeze", _X, a("axis", Kind.AXIS, None), functions=("squeeze",),
      methods=("squeeze",), primitive=False)
def squeeze_shape(x: Shape, axis: Union[None, int, Tuple[int, ...]] = None) -> Shape:
    """``squeeze(x, axis)``: drop axes of size 1 (all of them when ``axis`` is ``None``).

    A symbolic dim is never 1, so squeezing it is an error; an unknown dim is assumed 1.

    >>> squeeze_shape((1, 3, 1)), squeeze_shape((1, 3, 1), 0)
    ((3,), (3, 1))
    >>> squeeze_shape((2, 3), 1)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot squeeze for "squeeze": x has Tensor[2, 3]; need size 1 at axis 1 (3)
    """
    if axis is None:
        if star_index(x) is not None or any(is_one(d) is None for d in x):  # type: ignore[arg-type]
            raise CannotTell("squeeze of unknown dims")
        return tuple(d for d in x if d != 1)
    idx = normalize_axes(x, axis_tuple(axis), "squeeze")
    s = star_index(x)
    for i in idx:
        if is_one(x[i]) is False:  # type: ignore[arg-type]
            shown = i if s is None or i < s else i - len(x)
            raise ShapeError(
                messages.squeeze_not_one("squeeze", x, shown, x[i]))  # type: ignore[arg-type]
    return tuple(d for i, d in enumerate(x) if i not in idx)


@spec("unsqueeze", _X, a("axis", Kind.INT, required=True), functions=("unsqueeze",),
      methods=("unsqueeze",), primitive=False)
def unsqueeze_shape(x: Shape, axis: int) -> Shape:
    """``unsqueeze(x, axis)``: insert an axis of size 1 at ``axis`` of the result.

    ``-rank-1 <= axis <= rank`` (negative counts from the end of the result).

    >>> unsqueeze_shape((2, 3), 0), unsqueeze_shape((2, 3), -1), unsqueeze_shape((2, 3), 1)
    ((1, 2, 3), (2, 3, 1), (2, 1, 3))
    """
    i = insert_index(x, axis, "unsqueeze")
    return x[:i] + (1,) + x[i:]


@spec("flatten", _X, functions=("flatten",), primitive=False)
def flatten_shape(x: Shape) -> Shape:
    """``flatten(x)``: keep the batch axis, merge the rest: ``Tensor[B, *R] -> Tensor[B, prod(R)]``.

    >>> from typedflux.shapes.dims import sym
    >>> flatten_shape((sym("B"), 8, 13, 13)), flatten_shape((5,))
    ((B, 1352), (5, 1))
    """
    s = star_index(x)
    if s is None:
        if not x:
            raise ShapeError(messages.rank_too_small("flatten", "x", x, 1))
        return (x[0], prod(x[1:]))  # type: ignore[arg-type]
    batch: SDim = x[0] if s > 0 else UNKNOWN
    return (batch, UNKNOWN)


