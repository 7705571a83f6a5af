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

__all__ = [
    "by_param_types", "forget_each_build", "clear", "PerBuild", "lasting", "TYPE_CHECK_GETTERS",
]

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


class PerBuild(Dict[str, Any]):
    """One getter's answers for this build, by fullname (``None``: no hook).

    mypy asks a getter for every name it meets, and the same names again and again: ~330k
    type-analyze names over the examples and snapshot cases (~8.5k distinct), ~78k function
    names (~3.4k distinct), ~170k more for the other getters. The plugin puts this dict's own
    ``__getitem__`` in each getter's place (mypy calls the getter found on the instance), so a
    name asked before is answered by the dict's lookup, with no Python call at all; a name not
    asked yet this build runs the getter (``__missing__``), whose answer is kept when it lasts
    the build. The plugin's ``set_modules`` (a new build; mypy's daemon after an edit, which
    may change what a name is) forgets every answer.

    >>> memo = PerBuild(lambda name: (len(name), name != "later"))
    >>> memo["abc"], memo["later"], sorted(memo)
    (3, 5, ['abc'])
    """

    __slots__ = ("_ask",)

    def __init__(self, ask: Callable[[str], Tuple[Any, bool]]) -> None:
        super().__init__()
        self._ask = ask

    def __missing__(self, fullname: str) -> Any:
        hook, lasting = self._ask(fullname)
        if lasting:
            self[fullname] = hook
        return hook


def lasting(getter: Callable[[str], Any]) -> Callable[[str], Tuple[Any, bool]]:
    """A getter asked while mypy type-checks a module: its answer lasts the build. It reads
    the fullname and the symbols it names, and a module is checked only once it and every
    module it imports are semantically analysed, so those symbols no longer change in the
    build (an edit under mypy's daemon is a new ``set_modules``).

    >>> lasting(len)("abc")
    (3, True)
    """
    return lambda fullname: (getter(fullname), True)


# The getters answered from a PerBuild (get_type_analyze_hook's answers say whether they
# last: it is asked during semantic analysis, while names may still be placeholders).
TYPE_CHECK_GETTERS = (
    "get_function_hook", "get_method_hook", "get_attribute_hook",
    "get_function_signature_hook", "get_method_signature_hook",
    # (asked during semantic analysis, but its answer reads the fullname alone)
    "get_customize_class_mro_hook",
)
