"""Sizes a body holds in names: ``b, c, h, w = x.shape``, then ``h * w``.

Model code names its input's sizes before it reshapes (``b, c, h, w = x.shape``, ``n =
x.shape[1]``, ``x.reshape(b, c, h * w)``). Where a body runs on known shapes (bodies.py: a
user layer's bare ``__call__``, a plain def called with known shapes), those names hold the
dims of the shape flowing in (a size, a symbol such as ``B``, or unknown), and arithmetic
on them is the dim the run time computes for those sizes. This module holds that
arithmetic; it knows dims only (no mypy: tests/test_architecture.py).

>>> size_arithmetic("*", 4, 4)
16
"""

from __future__ import annotations

from typing import Any, Sequence, Tuple

from typedflux.shapes.dims import UNKNOWN, Expr, Star, Unknown
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.layer_config import is_int

__all__ = ["shape_items", "is_size", "size_arithmetic", "number_call", "NUMBER", "joined",
           "joined_size"]


def shape_items(shape: Sequence[Any]) -> Tuple[Any, ...]:
    """``x.shape`` of a tensor a body holds: the tuple of its dims (a size, a symbol, or
    unknown), so ``b, c, h, w = x.shape`` unpacks and ``x.shape[1]`` of a local is an item;
    CannotTell when its rank is not known (a run of unknown length).

    >>> shape_items((2, 32, 4, 4))
    (2, 32, 4, 4)
    """
    if any(isinstance(d, Star) for d in shape):
        raise CannotTell("the sizes of a tensor of unknown rank")
    return tuple(shape)


def is_size(v: Any) -> bool:
    """A dim a body may hold in a name: an int (not a bool), a symbolic dim or unknown.

    >>> is_size(3), is_size(True), is_size(0.5)
    (True, False, False)
    """
    return is_int(v) or isinstance(v, (Expr, Unknown))


NUMBER = 1.0  # a float the body computed (``c ** 0.5``): only ever an operand, a scalar


def size_arithmetic(op: str, a: Any, b: Any) -> Any:
    """``h * w`` of sizes a body read from a shape (``b, c, h, w = x.shape``): the dim, as
    the run time computes it for these sizes (``+ - * //``; a floor division by anything
    but a positive int, or an expression of two symbols mypy cannot divide, is unknown).
    ``/``, ``**`` or a float operand give a number (an attention scale ``c ** 0.5``): it
    is never read as a size. CannotTell for anything else.

    >>> size_arithmetic("//", 7, 2), size_arithmetic("//", 7, 0)
    (3, ?)
    """
    if is_size(a) and is_size(b) and op in ("+", "-", "*", "//"):
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if not (isinstance(b, int) and b > 0):
            return UNKNOWN  # (a zero divisor raises at run time, not a shape error)
        try:
            return a // b
        except TypeError:  # (a quotient the dim algebra has no form for)
            return UNKNOWN
    numbers = all(is_size(v) or isinstance(v, float) for v in (a, b))
    if numbers and op in ("+", "-", "*", "/", "**"):
        return NUMBER
    raise CannotTell("an operator on values that are not sizes or numbers")



def number_call(args: Sequence[Any]) -> float:
    """``math.log(10000.0)``, ``math.sqrt(d)`` of numbers or sizes a body holds: a number
    (only ever a scalar operand); CannotTell for anything else.

    >>> number_call([10000.0])
    1.0
    """
    if not args or not all(is_size(a) or isinstance(a, float) for a in args):
        raise CannotTell("a math function of values that are not numbers")
    return NUMBER


def joined_size(a: Any, b: Any) -> Any:
    """One size for a name two branches bound to ``a`` and ``b`` (flow_branches.py): the
    size when they agree, else unknown.

    >>> joined_size(4, 4), joined_size(4, 8)
    (4, ?)
    """
    return a if a == b else UNKNOWN


def joined(a: Sequence[Any], b: Sequence[Any]) -> Tuple[Any, ...]:
    """The shape of a tensor that is ``a`` on one path and ``b`` on the other: equal dims
    kept, others unknown; of any shape when the ranks (or a ``*`` run) differ.

    >>> joined((2, 8, 3), (2, 8, 4))
    (2, 8, ?)
    >>> joined((2, 8), (2, 8, 1))
    (*?,)
    """
    if tuple(a) == tuple(b):
        return tuple(a)
    if len(a) != len(b) or any(isinstance(d, Star) for d in tuple(a) + tuple(b)):
        return (Star(None),)
    return tuple(map(joined_size, a, b))
