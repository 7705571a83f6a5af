"""Marks that put a tensor on a tape: ``t._tape`` is the tape it is a leaf of or an output
on (one comparison tells an op whether to record), or a :class:`Shared` mark when tapes of
several threads hold it at once. Tapes make and undo marks under one lock
(:meth:`typedflux.engine.tape.Tape.watch_all`, ``Tape.__exit__``), never per op.

>>> import typedflux as tf
>>> from typedflux.engine.tape import Tape
>>> x, tape = tf.ones(2), Tape()
>>> with tape:
...     _ = tape.watch(x)
...     id_on(tape, x), id_on(Tape(), x)
(0, -1)
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Dict, Tuple

if TYPE_CHECKING:
    from typedflux.engine.tape import Tape

__all__ = ["Shared", "id_on"]

# Marking tensors as leaves (and undoing it) is done under this lock: a tensor is one object
# that tapes in several threads may watch at once (see Shared).
_MARKS = threading.Lock()


class Shared:
    """The mark of a tensor that tapes open in different threads hold at once (the same
    parameter or input watched by two threads' gradients): its id on each of them. Ops find
    their tape's id here (:func:`id_on`) instead of in the tensor's own ``_id``; when the last
    of those tapes lets it go, the tensor gets back ``base``, the mark it had before."""

    __slots__ = ("ids", "base")

    def __init__(self, ids: Dict[Tape, int], base: Tuple[Any, Any]) -> None:
        self.ids = ids
        self.base = base


def id_on(tape: Tape, t: Any) -> int:
    """The id of tensor ``t`` on ``tape`` (a watched leaf or a recorded output), else -1. Ops
    test ``t._tape is tape`` first (one comparison) and call this for anything else.

    >>> import typedflux as tf
    >>> from typedflux.engine.tape import Tape
    >>> x, tape = tf.ones(2), Tape()
    >>> with tape:
    ...     _ = tape.watch(x)
    ...     id_on(tape, x), id_on(Tape(), x), id_on(tape, tf.ones(1))
    (0, -1, -1)
    """
    m = t._tape
    if m is None:
        return -1
    if m is tape:
        return int(t._id)
    if type(m) is Shared:
        return m.ids.get(tape, -1)
    if m._open and tape._open and m._thread == tape._thread:
        nested()  # recording inside another tape of this thread that tracks t
    return -1


NESTED = (
    "a tf.gradient (or withgradient) inside the function of another one uses a tensor the "
    "outer one differentiates: gradients of gradients are not supported, and the inner "
    "result would be a constant to the outer gradient (a silently wrong answer). If a "
    "constant is what you want, give the inner gradient that tensor's .detach()"
)


def nested() -> None:
    """Refuse a nested gradient over tensors the enclosing one tracks (see :data:`NESTED`).

    >>> nested()
    Traceback (most recent call last):
    ...
    typedflux.engine.tape.TapeError: a tf.gradient (or withgradient) inside the function of another one ...
    """
    from typedflux.engine.tape import TapeError  # (tape imports this module)

    raise TapeError(NESTED)


def _share(t: Any, holder: Tape, tape: Tape, i: int) -> None:
    # t is marked by ``holder``, which records in another thread; ``tape`` wants it too. Both
    # find their id in a Shared mark from now on. (Called with _MARKS held.)
    entry = holder._restore.pop(id(t), None)
    leaf = holder._leaves.get(id(t))
    if entry is not None or (leaf is not None and leaf[0] is t):
        # A leaf the holder marked: it lets go on exit like ``tape``, and whoever is last
        # restores what the holder found (no mark, unless it is in the holder's _restore;
        # the holder's exit passes over its _fresh leaves that are Shared by then).
        base = (entry[1], entry[2]) if entry is not None else (None, None)
        holder._joined.append(t)
    else:
        # An output recorded on the holder: it keeps its mark once the others let go.
        base = (holder, t._id)
    t._tape = Shared({holder: t._id, tape: i}, base)
    tape._joined.append(t)


def _leave(t: Any, tape: Tape) -> None:
    # ``tape`` lets go of t's Shared mark; the mark t had before comes back once no tape but
    # (at most) the one that owns that mark holds it. (Called with _MARKS held.)
    s = t._tape
    if type(s) is not Shared:
        return
    s.ids.pop(tape, None)
    base_tape, base_id = s.base
    if not s.ids or (len(s.ids) == 1 and s.ids.get(base_tape, -1) == base_id):
        if base_tape is not None:
            t._id = base_id
        t._tape = base_tape
