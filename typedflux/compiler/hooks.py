"""What eager code needs from the recorder of :func:`typedflux.compile`: whether a recording
is in progress on this thread, and :func:`opaque` for functions that must be replayed as one
call instead of being traced through (a BLAS call through ctypes, a check on values).

This module imports nothing of typedflux, so any module may import it.

>>> current() is None
True
"""

from __future__ import annotations

import functools
import threading
from typing import Any, Callable, List, Optional, Tuple, TypeVar, overload

__all__ = ["ACTIVE", "current", "opaque", "set_current", "concrete"]

F = TypeVar("F", bound=Callable[..., Any])

# How many recordings are in progress in the process, any thread: the one test eager code pays
# when nothing is recorded (a list index, no thread-local lookup).
ACTIVE: List[int] = [0]

_LOCAL = threading.local()


def current() -> Any:
    """The recorder active on this thread, or ``None``.

    >>> current() is None
    True
    """
    if not ACTIVE[0]:
        return None
    return getattr(_LOCAL, "rec", None)


def set_current(rec: Any) -> Any:
    """Make ``rec`` (or ``None``) this thread's recorder; returns the previous one.

    >>> set_current(None) is None
    True
    """
    prev = getattr(_LOCAL, "rec", None)
    _LOCAL.rec = rec
    return prev


@overload
def opaque(fn: F) -> F: ...


@overload
def opaque(fn: None = None, *, exits: bool = False,
           writes: Optional[Tuple[int, ...]] = None) -> Callable[[F], F]: ...


def opaque(fn: Optional[F] = None, *, exits: bool = False,
           writes: Optional[Tuple[int, ...]] = None) -> Any:
    """Mark ``fn`` as one step of a recorded program: while a step is recorded and ``fn``
    receives a recorded array, the call itself is recorded (and made now on the recorded
    values) instead of the numpy calls inside it; a replay calls ``fn`` again with that call's
    arrays. For functions that cannot be traced (a BLAS call through ctypes) or that read
    values to decide what to do (a range check that raises).

    ``writes`` names the positional arguments whose arrays ``fn`` may write into (all of them
    unless given): ``@opaque(writes=(2,))`` for ``axpy(alpha, x, y)``.

    ``@opaque(exits=True)`` marks a check that returns a bool the caller branches on (go on
    with an update, or skip it): when it returns False at a replay, the replay ends there and
    the function's results are those computed so far; a recording during which it returns
    False is used once and not kept.

    Outside a recording the wrapper adds one list lookup to the call.

    >>> @opaque
    ... def twice(a):
    ...     return a * 2
    >>> twice(3)
    6
    """

    def mark(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if ACTIVE[0]:
                rec = getattr(_LOCAL, "rec", None)
                if rec is not None:
                    return rec.opaque_call(f, args, kwargs, exits, writes)
            return f(*args, **kwargs)

        wrapper.__wrapped__ = f
        return wrapper  # type: ignore[return-value]

    return mark(fn) if fn is not None else mark


def concrete(x: Any) -> Any:
    """The real array behind ``x`` while a step is recorded (``x`` itself otherwise): for state
    made during a recording that must outlive it, such as an optimiser's moments for a
    parameter thawed after ``setup``.

    >>> concrete(3)
    3
    """
    rec = current()
    return rec.concrete(x) if rec is not None else x
