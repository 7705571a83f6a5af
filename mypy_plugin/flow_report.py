"""Reporting what a body run gives, once per call site and pass.

:mod:`~mypy_plugin.flow_builders` (``build(10, 32)``), :mod:`~mypy_plugin.flow_calls`
(``FeedForward(32, 128)``) and :mod:`~mypy_plugin.flow_loops` (``for blk in blocks``) each
run a body again with values a call or a loop gives, and report the ``[shape]`` errors it
gives on the body's own lines. mypy checks a function's statements more than once (deferred
nodes, loops), so each site is run once per pass; and a message comes with a note saying
which call it is for.

>>> once = Once()
>>> class Chk: pass_num = 0
>>> node = object()
>>> once.first(node, Chk()), once.first(node, Chk())
(True, False)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional, Set, Tuple

from mypy.nodes import Context

from mypy_plugin import per_build
from mypy_plugin.codes import SHAPE

__all__ = ["Once", "is_shape", "new_shape_errors", "report"]


class Once:
    """Which sites were run in this pass: a bounded memo (the oldest site is forgotten).

    >>> Once(keep=1).keep
    1
    """

    def __init__(self, keep: int = 256) -> None:
        self.keep = keep
        self._seen: Dict[Tuple[int, int], object] = {}
        per_build.forget_each_build(self._seen)  # (holds mypy nodes: this build's only)

    def first(self, node: object, chk: Any) -> bool:
        """Whether ``node`` is met for the first time in this pass of ``chk`` (and note it)."""
        key = (id(node), getattr(chk, "pass_num", 0))
        if self._seen.get(key) is node:
            return False
        if len(self._seen) >= self.keep:
            del self._seen[next(iter(self._seen))]
        self._seen[key] = node
        return True


def is_shape(m: Any) -> bool:
    """Whether a message mypy collected has code ``shape``.

    >>> is_shape(object())
    False
    """
    return getattr(getattr(m, "code", None), "code", None) == SHAPE.code


def new_shape_errors(found: Iterable[Tuple[Any, List[Any]]],
                     already: Callable[[Any], bool]) -> List[Any]:
    """The messages of a body run to report: of each expression whose messages are all
    ``[shape]`` (another code means the run typed it wrongly, not the program) and that
    ``already`` says mypy does not report itself, each message once.

    >>> new_shape_errors([], lambda e: False)
    []
    """
    out: List[Any] = []
    seen: Set[Tuple[int, int, str]] = set()
    for e, errors in found:
        if not all(is_shape(m) for m in errors) or already(e):  # (the cheap test first)
            continue
        for m in errors:
            if (m.line, m.column, m.message) not in seen:
                seen.add((m.line, m.column, m.message))
                out.append(m)
    return out


def report(chk: Any, messages: Iterable[Any], note: Optional[str] = None) -> None:
    """Report a body run's messages on their own lines with code ``shape``; each error is
    followed by ``note`` (which call it is for), when given.

    >>> report(None, [])
    """
    for m in messages:
        where = Context(m.line, m.column)
        if m.severity == "note":
            chk.note(m.message, where, code=SHAPE)
            continue
        chk.fail(m.message, where, code=SHAPE)
        if note is not None:
            chk.note(note, where, code=SHAPE)
