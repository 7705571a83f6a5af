"""A variadic run with one of its items reduced away: the checker's view of ``x.mean(axis=1)``
of ``Tensor[B, *Rs, C]`` or ``x.sum(axis=0)`` of ``Tensor[*Bs, N]``.

A reduction over an axis inside a named run ``*Rs`` leaves "``*Rs`` without its first item"
(``*Rs[1:]``) or "without its last" (``*Rs[:-1]``) for every run long enough to hold the
axis. No type can say that, so the plugin keeps the result's type unknown and holds this
marker beside it, for one question only: does the value meet the annotation it is returned,
assigned or yielded to? (:func:`reduced_mismatch`). The answer holds for every run length
that holds the axis, never for shorter ones, which the message's note says. The run time
sees sizes, and says the same words with them (``messages.boundaries``).

>>> from typedflux.shapes.dims import sym
>>> r = reduce_in_run((sym("B"), Star("Rs"), sym("C")), 1)
>>> r.shape, r.least
((B, *Rs[1:], C), 1)
>>> reduced_mismatch((sym("B"), sym("C")), r)
'rank'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple, cast

from typedflux.shapes.dims import Star
from typedflux.shapes.dropped_run import DroppedRun, run_items
from typedflux.shapes.rigid import Mismatch, rigid_mismatch
from typedflux.shapes.shape import Shape

__all__ = ["Reduced", "reduce_in_run", "reduced_mismatch", "reduced_note"]


@dataclass(frozen=True)
class Reduced:
    """A reduction's result shape holding one :class:`DroppedRun`; ``least`` is the least run
    length that holds the reduced ``axis`` (written as in the call).

    >>> reduce_in_run((Star("Bs"), 3), 0)
    Reduced(shape=(*Bs[1:], 3), least=1, axis=0)
    """

    shape: Tuple[object, ...]
    least: int
    axis: int


def reduce_in_run(x: Tuple[object, ...], axis: int) -> Optional[Reduced]:
    """The shape left by reducing ``axis`` (without keepdims) of ``x`` when that axis is the
    first or the last item of ``x``'s named run for every run that holds it; else ``None``
    (an axis off the run is the reduction rule's own case, an item in the middle has no
    words here).

    >>> from typedflux.shapes.dims import sym
    >>> reduce_in_run((Star("Bs"), sym("N")), -2).shape, reduce_in_run((Star("Bs"), 3), -1)
    ((*Bs[:-1], N), None)
    """
    stars = [i for i, d in enumerate(x) if isinstance(d, Star)]
    if len(stars) != 1:
        return None
    s = stars[0]
    star = x[s]
    if not isinstance(star, Star) or star.name is None:
        return None
    tail = len(x) - s - 1
    if axis >= 0 and axis == s:
        first = True
    elif axis < 0 and -axis == tail + 1:
        first = False
    else:
        return None
    return Reduced(x[:s] + (DroppedRun(star.name, first),) + x[s + 1:], 1, axis)


def _instance(shape: Tuple[object, ...], name: str, length: int) -> Optional[Shape]:
    """``shape`` with its run ``*name`` (or its dropped form) spelled as ``length`` items;
    ``None`` when it holds another run."""
    out: list[object] = []
    for d in shape:
        if isinstance(d, DroppedRun):
            if d.name != name:
                return None
            out.extend(d.items(length))
        elif isinstance(d, Star):
            if d.name != name:
                return None
            out.extend(run_items(name, length))
        else:
            out.append(d)
    return cast(Shape, tuple(out))  # (dims only: the run is spelled out)


def reduced_mismatch(annotated: Tuple[object, ...], got: Reduced) -> Optional[str]:
    """How ``got`` provably differs from ``annotated`` (symbols rigid) for every run length
    that holds its axis: ``"rank"`` (the ranks differ; a run's length is rigid, as a symbol
    is), ``"run"`` (the same rank around the same run, the sizes where the annotation's run
    sits differ), or ``None`` (nothing proven, or another run).

    At one rank the result is read for each length from ``least`` to past the dims written
    on both sides: from there on longer runs only add pairs of run items already met.

    >>> from typedflux.shapes.dims import sym
    >>> N = sym("N")
    >>> r = reduce_in_run((Star("Bs"), N), 0)
    >>> reduced_mismatch((Star("Bs"),), r), reduced_mismatch((Star("Bs"), N), r)
    ('run', 'rank')
    >>> from typedflux.shapes.dims import UNKNOWN
    >>> reduced_mismatch((Star("Bs"),), reduce_in_run((Star("Bs"), UNKNOWN), 0)) is None
    True
    """
    drop = next(d for d in got.shape if isinstance(d, DroppedRun))
    stars = [d for d in annotated if isinstance(d, Star)]
    if not stars:
        return "rank"  # len(*Rs) + k against a written rank: rigid, as N against 2
    if len(stars) != 1 or stars[0].name != drop.name:
        return None
    if len(annotated) != len(got.shape) - 1:
        return "rank"  # len(*Rs) + k - 1 against len(*Rs) + j, j != k - 1
    a_at = annotated.index(stars[0])
    g_at = got.shape.index(drop)
    if a_at > g_at or len(annotated) - a_at > len(got.shape) - g_at:
        return None  # the annotation's run would not hold the whole dropped run: no words
    written = len(annotated) + len(got.shape)
    for length in range(got.least, got.least + written + 2):
        want = _instance(annotated, drop.name, length)
        have = _instance(got.shape, drop.name, length)
        if want is None or have is None:
            return None
        if not isinstance(rigid_mismatch(want, have), Mismatch):
            return None
    return "run"


def reduced_note(name: str, got: Reduced) -> str:
    """The run lengths a report on a :class:`Reduced` value holds for.

    >>> print(reduced_note("Bs", reduce_in_run((Star("Bs"), 3), 0)))
    for every *Bs of at least 1 item, which holds axis 0
    """
    items = "item" if got.least == 1 else "items"
    return f"for every *{name} of at least {got.least} {items}, which holds axis {got.axis}"
