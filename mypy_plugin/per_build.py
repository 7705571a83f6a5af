"""Answers a hook asks again and again within one build, kept for that build.

mypy asks the signature hook of every call whether any parameter names dims
(``calls.has_shaped_params``): ~29k times over the examples and snapshot cases, for ~2.3k
distinct tuples of parameter types. mypy's types compare and hash by what they are, so the
answer for a tuple of types is the same each time it is asked in a build. The plugin's
``set_modules`` (a new build; mypy's daemon after an edit, which may change what a class
is) forgets every answer: :func:`clear`.

>>> @by_param_types
... def counted(sig):
...     calls.append(sig)
...     return True
>>> calls = []
>>> from mypy.types import AnyType, TypeOfAny
>>> class Sig:  # (a signature: only its parameter types are read)
...     arg_types = [AnyType(TypeOfAny.special_form)]
>>> sig = Sig()
>>> counted(sig), counted(sig), len(calls)
(True, True, 1)
>>> clear(); counted(sig), len(calls)
(True, 2)
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Dict, List, Tuple

from mypy.types import CallableType, Type

__all__ = ["by_param_types", "forget_each_build", "clear"]

_MEMOS: List[Dict[Tuple[Type, ...], bool]] = []
_OTHERS: List[Dict[Any, Any]] = []


def by_param_types(ask: Callable[[CallableType], bool]) -> Callable[[CallableType], bool]:
    """``ask``, answered once per build for each tuple of parameter types (a type that does
    not hash is asked each time)."""
    memo: Dict[Tuple[Type, ...], bool] = {}
    _MEMOS.append(memo)

    @functools.wraps(ask)
    def answer(sig: CallableType) -> bool:
        key = tuple(sig.arg_types)
        try:
            found = memo.get(key)
        except TypeError:
            return ask(sig)
        if found is None:
            found = memo[key] = ask(sig)
        return found

    return answer


def forget_each_build(memo: Dict[Any, Any]) -> None:
    """Have :func:`clear` empty ``memo`` too (a module's own table of answers for one build).

    >>> kept = {"t": 1}; forget_each_build(kept); clear(); kept
    {}
    """
    _OTHERS.append(memo)


def clear() -> None:
    """Forget every answer kept (a new build, or mypy's daemon after an edit)."""
    for memo in _MEMOS:
        memo.clear()
    for other in _OTHERS:
        other.clear()
