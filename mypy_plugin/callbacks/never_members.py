"""mypy's error at a bare name whose type holds a ``Tensor[*tuple[Never, ...]]`` of its own
making.

Under allow_redefinition a name's declared type is the union of what it is assigned. After a
shaped parameter is rebound to a bare ``Tensor`` (``x = body(x)`` of a bare ``Chain``) and then
to a layer's partly known result (``x = proj(x)``: ``Tensor[*tuple[Any, ...], Literal[48]]``),
mypy narrows that union at the assignment by meeting each member with the value's type, and
its meet of ``Tensor[*tuple[Any, ...]]`` with ``Tensor[*tuple[Any, ...], Literal[48]]`` is
``Tensor[*tuple[Never, ...]]``. Plain mypy does the same with the two types written out. That
member fits no annotation, so ``return x`` into ``Tensor[B, 48]`` is an ``Incompatible return
value type`` on a program that runs. :func:`never_meet` (asked by ``reworded.py``'s watcher)
drops that error when every other member the message names is a type the value may have and
mypy itself takes it for the annotation; anything else keeps it.

>>> top_level_words("Tensor[B, Literal[1]] | Tensor[*tuple[Never, ...]]", " | ")
['Tensor[B, Literal[1]]', 'Tensor[*tuple[Never, ...]]']
"""

from __future__ import annotations

from typing import Any

from mypy.nodes import NameExpr

from mypy_plugin import translate
# (the bare-name machinery's own finders: where the value and its annotation are, and the
# types mypy may have given it)
from mypy_plugin.callbacks.bare_values import (
    _KINDS, _WORDED, _annotated_values, _candidates, _scope,
)
from mypy_plugin.callbacks.common import top_level_words

__all__ = ["never_meet"]

# The member mypy's meet makes (see the module).
_NEVER_RUN = "Tensor[*tuple[Never, ...]]"


def never_meet(state: Any, code: str, info: Any) -> bool:
    """Whether mypy's error at a bare name (``return x``) is only about the
    ``Tensor[*tuple[Never, ...]]`` its narrowing made (see the module): every other member
    of the type it names is a type the value may have (a parameter's annotation, a value a
    hook typed, the name's declared type) that mypy itself takes for the annotation. Anything
    else (a member it cannot place, one mypy refuses) keeps the error."""
    from mypy.messages import format_type_bare
    from mypy.subtypes import is_subtype

    if _NEVER_RUN not in info.message:
        return False
    kind = _KINDS.get(code)
    scope = _scope(state, info)
    m = _WORDED[code].fullmatch(info.message) if code in _WORDED else None
    if kind is None or scope is None or m is None:
        return False
    func = scope[1]
    for value, declared, where in _annotated_values(*scope):
        reported = where.reported_at or value
        if not (where.kind == kind and (reported.line, reported.column) == (info.line, info.column)):
            continue
        if not isinstance(value, NameExpr) or translate.shape_of(declared) is None:
            return False
        words = {format_type_bare(t, state.options): t for t in _candidates(state, func, value)}
        members = [w for w in top_level_words(m.group(1), " | ") if w != _NEVER_RUN]
        if not members or any(w not in words or not is_subtype(words[w], declared)
                              for w in members):
            return False
        return True
    return False
