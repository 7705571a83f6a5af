"""Comparing a value's shape with an annotation whose symbols are rigid (inside the generic
function that declares them): nothing is bound, a dim differs only when it differs for every
value of its symbols, a variadic run is one rigid list of dims.

>>> from typedflux.shapes.dims import sym
>>> rigid_mismatch((sym("B"), 64), (sym("B"), 32))
Mismatch(1)
"""

from __future__ import annotations

from typing import Optional, Sequence

from typedflux.shapes.dims import Star, equal
from typedflux.shapes.shape import Shape

__all__ = ["Mismatch", "rigid_mismatch", "literal_mismatch", "RIGID_SAME", "RIGID_UNKNOWN"]


def _star_at(shape: Sequence[object]) -> Optional[int]:
    for i, d in enumerate(shape):
        if isinstance(d, Star):
            return i
    return None


class Mismatch:
    """A provable difference found by :func:`rigid_mismatch`: ``axis`` counts in the actual
    shape (from the end after a variadic run), ``None`` when the ranks differ.

    >>> Mismatch(1).axis
    1
    """

    __slots__ = ("axis",)

    def __init__(self, axis: Optional[int]) -> None:
        self.axis = axis

    def __repr__(self) -> str:
        return f"Mismatch({self.axis})"


RIGID_SAME = "same"
""":func:`rigid_mismatch`: equal for every value of the symbols, or undecidable dims only."""
RIGID_UNKNOWN = "unknown"
""":func:`rigid_mismatch`: the layouts of variadic runs cannot be compared."""


def rigid_mismatch(annotated: Shape, actual: Shape) -> object:
    """Compare a value's shape with an annotation inside a generic function (symbols rigid).

    Returns a :class:`Mismatch` when some axis provably differs (or the ranks do, or one
    ``*Bs`` sits elsewhere in a shape of the same rank),
    :data:`RIGID_SAME` when no axis can differ (unknown dims never do) and
    :data:`RIGID_UNKNOWN` when variadic runs make the alignment undecidable.

    >>> from typedflux.shapes.dims import sym
    >>> B, N = sym("B"), sym("N")
    >>> from typedflux.shapes.dims import UNKNOWN
    >>> rigid_mismatch((B, 64), (B, 32)), rigid_mismatch((B, N), (B, UNKNOWN))
    (Mismatch(1), 'same')
    >>> rigid_mismatch((B, 32, 1), (B, 32)), rigid_mismatch((Star("Bs"), 10), (Star("Bs"), 5))
    (Mismatch(None), Mismatch(-1))
    >>> rigid_mismatch((Star("Bs"),), (Star("Bs"), 1)), rigid_mismatch((Star("Bs"), 3), (2, Star("Bs")))
    (Mismatch(None), Mismatch(None))
    >>> rigid_mismatch((Star("Bs"), 3), (Star("Cs"), 3))
    'unknown'
    """
    p_star, a_star = _star_at(annotated), _star_at(actual)
    if p_star is None and a_star is None:
        if len(annotated) != len(actual):
            return Mismatch(None)
        pairs = list(enumerate(zip(annotated, actual)))
    elif p_star is not None and a_star is not None:
        p_name = annotated[p_star].name  # type: ignore[union-attr]
        a_name = actual[a_star].name  # type: ignore[union-attr]
        if p_name is None or p_name != a_name:
            return RIGID_UNKNOWN
        if len(annotated) != len(actual):
            return Mismatch(None)  # one rigid run, other dims around it: the ranks differ
        if p_star != a_star:
            # One rank, the run elsewhere (``Tensor[B, *Shape]`` for ``Tensor[*Shape, B]``):
            # with one item in the run, that item meets a dim around the other run, which
            # no rigid symbol is; only an empty run makes them equal.
            return Mismatch(None)
        pairs = [(i if i < p_star else i - len(actual), pa)
                 for i, pa in enumerate(zip(annotated, actual)) if i != p_star]
    elif p_star is not None:
        if annotated[p_star].name is not None:  # type: ignore[union-attr]
            return RIGID_UNKNOWN  # a rigid *Bs against fixed dims: left to the type checker
        if len(actual) < len(annotated) - 1:
            return Mismatch(None)
        tail = len(annotated) - p_star - 1
        pairs = list(enumerate(zip(annotated[:p_star], actual)))
        offset = len(actual) - tail
        pairs += [(j - tail, (p, actual[offset + j])) for j, p in enumerate(annotated[p_star + 1 :])]
    else:
        return RIGID_UNKNOWN  # an actual of unknown rank: nothing is provable
    for axis, (p, a) in pairs:
        if equal(p, a, promised=True) is False:  # type: ignore[arg-type]
            return Mismatch(axis)
    return RIGID_SAME


def literal_mismatch(annotated: Shape, actual: Shape) -> Optional[Mismatch]:
    """Where two annotations written in two signatures provably differ: both free of ``*``
    runs, and either of different ranks (``axis`` None) or with two literal sizes that
    differ on one axis. Symbolic dims are never compared (each signature's are its own).

    >>> from typedflux.shapes.dims import sym
    >>> literal_mismatch((sym("B"), 8), (sym("B"), 16)).axis
    1
    >>> literal_mismatch((sym("B"), 8), (4, sym("N"))) is None
    True
    """
    if any(isinstance(d, Star) for d in (*annotated, *actual)):
        return None
    if len(annotated) != len(actual):
        return Mismatch(None)
    for axis, (a, g) in enumerate(zip(annotated, actual)):
        if type(a) is int and type(g) is int and a != g:
            return Mismatch(axis)
    return None
