"""Dims written in a ``Tensor[...]`` type alias: mypy's item-by-item errors taken back.

``Logits = Tensor[B, 10]`` (a type alias, as jaxtyping users write them) is read twice by
mypy's semantic analysis. First as the run-time expression it also is, a type application,
each item on its own, where an int is not a type: ``Invalid type: try using Literal[10]
instead?  [valid-type]`` (a ``Final`` constant: ``Variable "m.D" is not valid as a type``
and a note; a dim in quotes: ``Invalid type comment or annotation``). Then as a type, where
the plugin's annotation hook reads ``10`` as a dim and the alias works (``def f(x: Img[B])
-> Logits[B]``). The hook runs right after those errors were recorded, before mypy reports
the file, so it takes them back (:func:`forgetting`): only errors of code ``valid-type``
with those words, at the position of one of its own items that is a dim (an int, a string,
a ``Final`` int name), and the note mypy adds at the same place. A malformed dim is still
reported by the hook (``[shape-annotation]``); an undefined name keeps mypy's error.

A string dim in an alias names its symbols only inside the string, so mypy does not count
them among the alias's type variables (``A = Tensor[B, "2*N"]`` takes one argument): write
such shapes as annotations.

If mypy's internals differ (another mypy version), nothing is taken back: the errors stay.

>>> callable(forgetting(lambda ctx: None))
True
"""

from __future__ import annotations

import re
from typing import Any, Callable, List, Set, Tuple

from mypy.nodes import Var
from mypy.types import RawExpressionType, Type, UnboundType

__all__ = ["forgetting"]

_WORDS = re.compile(
    r'Invalid type: try using Literal\[-?\d+\] instead\?|Invalid type comment or annotation'
    r'|Variable "[\w.]+" is not valid as a type')


def forgetting(hook: Callable[[Any], Type]) -> Callable[[Any], Type]:
    """``hook`` (the ``Tensor`` annotation hook) that first takes back the errors mypy
    recorded for its dim items read alone (:mod:`this module <mypy_plugin.callbacks.alias_dims>`)."""

    def wrapped(ctx: Any) -> Type:
        try:
            _forget(ctx)
        except Exception:  # another mypy: its errors stay
            pass
        return hook(ctx)

    return wrapped


def _forget(ctx: Any) -> None:
    t = ctx.type
    if not isinstance(t, UnboundType) or not t.args:
        return
    sem = getattr(ctx.api, "api", None)
    errors = getattr(sem, "errors", None)
    infos: List[Any] = getattr(errors, "error_info_map", {}).get(getattr(errors, "file", ""), [])
    if not infos:
        return
    places = {(a.line, a.column) for a in t.args if _dim(a, sem)}
    if not places:
        return
    dropped: Set[Tuple[int, int]] = set()
    kept = []
    for info in infos:
        at = (info.line, info.column)
        code = info.code.code if info.code is not None else ""
        if code == "valid-type" and at in places and (
                (info.severity == "error" and _WORDS.fullmatch(info.message))
                or (info.severity == "note" and at in dropped)):
            dropped.add(at)
            continue
        kept.append(info)
    if dropped:
        infos[:] = kept


def _dim(a: Any, sem: Any) -> bool:
    if isinstance(a, RawExpressionType):
        return a.base_type_name in ("builtins.int", "builtins.str")
    if isinstance(a, UnboundType) and not a.args:
        # A ``Final`` int constant (``D: Final = 64``), as the annotation hook reads it.
        sym = sem.lookup_qualified(a.name, a, suppress_errors=True)
        node = getattr(sym, "node", None)
        value = getattr(node, "final_value", None)
        return (isinstance(node, Var) and node.is_final and isinstance(value, int)
                and not isinstance(value, bool))
    return False
