"""Items of list and dict displays at a boundary, which mypy reports itself.

mypy checks each item of a list display (``List item 1 has incompatible type ...
[list-item]``) and each entry of a dict display (``Dict entry 0 ... [dict-item]``, reported
at the key) against the item type the annotation gives it, at any depth (``return {"h":
[x]}``), also through a conditional expression's branches and ``dict(h=x)`` (mypy reads it
as the display ``{"h": x}``). :func:`bare_item` finds the display and the item at the
error's position, and words the error as the boundary's, naming the item's place innermost
first (``list item 0 of dict entry 1``), when the item's type (a bare name's candidates, or
the type a hook gave it: ``callbacks/bare_values.py``) is one whose words are exactly
mypy's and its shape provably differs.

>>> bare_item.__name__
'bare_item'
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterator, Optional, Tuple

from mypy.nodes import CallExpr, ConditionalExpr, DictExpr, Expression, FuncDef, ListExpr, TupleExpr
from mypy.types import Instance, TupleType, Type, get_proper_type

from mypy_plugin.callbacks.bare_values import (
    _annotated_values,
    _first_mismatch,
    _item_candidates,
    _scope,
)

__all__ = ["bare_item"]


_LIST_ITEM = re.compile(r'List item (\d+) has incompatible type "(.*)"; expected "(.*)"')
_DICT_ENTRY = re.compile(
    r'Dict entry (\d+) has incompatible type "([^"]*)": "(.*)"; expected "([^"]*)": "(.*)"')


def bare_item(state: Any, info: Any) -> Optional[str]:
    """Our words for mypy's ``list-item`` or ``dict-item`` error at an item of a list
    display (``return [h, x]``, ``return [2 * x]``) or a value of a dict display (``return
    {"h": x}``) that is returned, yielded or assigned to an annotated variable, or ``None``.
    The item is a bare name or a value a hook typed without reporting (:func:`note_item`);
    a dict entry counts only when mypy's words for its key are the expected ones.

    >>> class Info:
    ...     message = "not mypy's list-item words"
    >>> bare_item(None, Info()) is None  # (the real ones: tests/typecheck)
    True
    """
    parsed = _item_error(getattr(info, "message", "") or "")
    scope = _scope(state, info) if parsed is not None else None
    if parsed is None or scope is None:
        return None
    listed, k, got_words, want_words = parsed
    for value, annotation, where in _annotated_values(*scope):
        for display, want, outer in _displays(value, annotation, ()):
            item = _item_at(display, k, listed, (info.line, info.column))
            if item is None:
                continue
            w = get_proper_type(want)
            if not isinstance(w, Instance) or len(w.args) != (1 if listed else 2):
                return None
            part = " of ".join((f"list item {k}" if listed else f"dict entry {k}",) + outer)
            return _item_words(state, info, scope[1], item, w.args[-1], got_words, want_words,
                               replace(where, part=part))
    return None


def _displays(
    value: Expression, declared: Type, outer: Tuple[str, ...], depth: int = 0
) -> Iterator[Tuple[Expression, Type, Tuple[str, ...]]]:
    """The list and dict displays in ``value`` with the type each meets and its place in
    the value (innermost first: ``("list item 1", "dict entry 0")``): ``value`` itself, the
    displays its items hold (``{"h": [x]}``, ``return h, [x]``), both branches of a conditional expression, and
    ``dict(h=x)`` (mypy reads it as the display ``{"h": x}``)."""
    if depth > 8:
        return
    if isinstance(value, CallExpr) and isinstance(value.analyzed, DictExpr):
        value = value.analyzed
    if isinstance(value, ConditionalExpr):
        yield from _displays(value.if_expr, declared, outer, depth + 1)
        yield from _displays(value.else_expr, declared, outer, depth + 1)
        return
    want = get_proper_type(declared)
    if isinstance(value, TupleExpr) and isinstance(want, TupleType):
        if len(value.items) == len(want.items):
            for i, (item, t) in enumerate(zip(value.items, want.items)):
                yield from _displays(item, t, (f"tuple item {i}",) + outer, depth + 1)
        return
    if not isinstance(value, (ListExpr, DictExpr)):
        return
    yield value, declared, outer
    if not isinstance(want, Instance) or not want.args:
        return
    if isinstance(value, ListExpr) and len(want.args) == 1:
        for i, item in enumerate(value.items):
            yield from _displays(item, want.args[0], (f"list item {i}",) + outer, depth + 1)
    elif isinstance(value, DictExpr) and len(want.args) == 2:
        for i, (_, item) in enumerate(value.items):
            yield from _displays(item, want.args[1], (f"dict entry {i}",) + outer, depth + 1)


def _item_error(message: str) -> Optional[Tuple[bool, int, str, str]]:
    """From mypy's ``list-item`` or ``dict-item`` words: whether a list's, the item's index,
    the words for its type and for the expected one (a dict entry's value's, when the key's
    words are the expected ones); ``None`` otherwise."""
    m = _LIST_ITEM.fullmatch(message)
    if m is not None:
        return True, int(m.group(1)), m.group(2), m.group(3)
    d = _DICT_ENTRY.fullmatch(message)
    if d is not None and d.group(2) == d.group(4):
        return False, int(d.group(1)), d.group(3), d.group(5)
    return None


def _item_at(value: Expression, k: int, listed: bool, at: Tuple[int, int]) -> Optional[Expression]:
    """Item ``k`` of the list display (``listed``) or the value of entry ``k`` of the dict
    display ``value`` when mypy's error is at ``at`` (an item's position; a dict entry's
    key's), else ``None``."""
    if listed and isinstance(value, ListExpr) and k < len(value.items):
        item = value.items[k]
        return item if (item.line, item.column) == at else None
    if not listed and isinstance(value, DictExpr) and k < len(value.items):
        key, item = value.items[k]
        # ``dict(h=x)``'s keys have no position: mypy reports such an entry at its value.
        spot = key if key is not None and key.line >= 0 else item
        return item if key is not None and (spot.line, spot.column) == at else None
    return None


def _item_words(
    state: Any,
    info: Any,
    func: Optional[FuncDef],
    item: Expression,
    declared: Type,
    got_words: str,
    want_words: str,
    where: Any,
) -> Optional[str]:
    from mypy.messages import format_type_distinctly

    def said(got_type: Type) -> bool:
        g, d = format_type_distinctly(got_type, declared, options=state.options)
        return (g, d) == (f'"{got_words}"', f'"{want_words}"')

    return _first_mismatch(_item_candidates(state, func, item), declared, where, said)
