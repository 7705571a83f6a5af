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

from typing import Any, Dict, Iterable, Optional, Tuple

from mypy.nodes import Context

from mypy_plugin.codes import SHAPE

__all__ = ["Once", "report"]


class Once:
    """Which sites were run in this pass: a bounded memo (the oldest site is forgotten).

    >>> Once(keep=1).keep
    1
    """

    def __init__(self, keep: int = 256) -> None:
        self.keep = keep
        self._seen: Dict[Tuple[int, int], object] = {}

    def first(self, node: object, chk: Any) -> bool:
        """Whether ``node`` is met for the first time in this pass of ``chk`` (and note it)."""
        key = (id(node), getattr(chk, "pass_num", 0))
        if self._seen.get(key) is node:
            return False
        if len(self._seen) >= self.keep:
            del self._seen[next(iter(self._seen))]
        self._seen[key] = node
        return True


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
