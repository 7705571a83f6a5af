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

from mypy.nodes import (
    CallExpr,
    ConditionalExpr,
    DictExpr,
    Expression,
    FuncDef,
    ListExpr,
    NameExpr,
    SetExpr,
    StarExpr,
    TupleExpr,
)
from mypy.types import Instance, TupleType, Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.bare_values import (
    _annotated_values,
    _first_mismatch,
    _item_candidates,
    _items_differing,
    _scope,
)
from mypy_plugin.callbacks.bound_lists import display_before

__all__ = ["bare_item"]


_LIST_ITEM = re.compile(r'List item (\d+) has incompatible type "(.*)"; expected "(.*)"')
_DICT_ENTRY = re.compile(
    r'Dict entry (\d+) has incompatible type "([^"]*)": "(.*)"; expected "([^"]*)": "(.*)"')
# mypy checks a set display as a call of ``<set>``: its items are arguments, counted from 1.
_SET_ITEM = re.compile(r'Argument (\d+) to <set> has incompatible type "(.*)"; expected "(.*)"')


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
    kind, k, got_words, want_words = parsed
    tree, func = scope
    body = func.body.body if func is not None else tree.defs
    for value, annotation, where in _annotated_values(*scope):
        for display, want, outer in _displays(value, annotation, ()):
            item = _item_at(display, k, kind, (info.line, info.column))
            if item is None:
                continue
            w = get_proper_type(want)
            if not isinstance(w, Instance) or len(w.args) != (2 if kind == "dict" else 1):
                return None
            place = {"list": f"list item {k}", "dict": f"dict entry {k}", "set": "set item"}
            part = " of ".join((place[kind],) + outer)
            bound = _Bound(body, value)
            return _item_words(state, info, func, item, w.args[-1], got_words, want_words,
                               replace(where, part=part), bound)
    return None


class _Bound:
    """The statements a boundary's value is in, and the value (to find a list variable's
    display: ``xs = [x]; return [xs]``)."""

    def __init__(self, body: Any, value: Expression) -> None:
        self.body, self.value = body, value


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
    if isinstance(value, SetExpr):
        yield value, declared, outer
        if isinstance(want, Instance) and len(want.args) == 1:
            for item in value.items:
                yield from _displays(item, want.args[0], ("set item",) + outer, depth + 1)
        return
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


def _item_error(message: str) -> Optional[Tuple[str, int, str, str]]:
    """From mypy's ``list-item`` or ``dict-item`` words, or its ``arg-type`` words for an
    item of a set display: the display's kind (``"list"``, ``"dict"``, ``"set"``), the item's
    index, the words for its type and for the expected one (a dict entry's value's, when the
    key's words are the expected ones); ``None`` otherwise."""
    m = _LIST_ITEM.fullmatch(message)
    if m is not None:
        return "list", int(m.group(1)), m.group(2), m.group(3)
    s = _SET_ITEM.fullmatch(message)
    if s is not None:
        return "set", int(s.group(1)) - 1, s.group(2), s.group(3)
    d = _DICT_ENTRY.fullmatch(message)
    if d is not None and d.group(2) == d.group(4):
        return "dict", int(d.group(1)), d.group(3), d.group(5)
    return None


def _item_at(value: Expression, k: int, kind: str, at: Tuple[int, int]) -> Optional[Expression]:
    """Item ``k`` of the list or set display (``kind``) or the value of entry ``k`` of the
    dict display ``value`` when mypy's error is at ``at`` (an item's position; a dict
    entry's key's), else ``None``."""
    if isinstance(value, (ListExpr, SetExpr)) and kind == ("list" if isinstance(
            value, ListExpr) else "set") and k < len(value.items):
        item = value.items[k]
        return item if (item.line, item.column) == at else None
    if kind == "dict" and isinstance(value, DictExpr) and k < len(value.items):
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
    bound: Optional[_Bound] = None,
) -> Optional[str]:
    from mypy.messages import format_type_distinctly

    want = get_proper_type(declared)
    if isinstance(item, TupleExpr) and isinstance(want, TupleType):
        # ``[(x, 1)]``: the tuple's items, named inside the display's item.
        return _items_differing(state, func, item, want, got_words, want_words, where,
                                f" of {where.part}")
    if isinstance(item, NameExpr) and bound is not None and isinstance(want, Instance) and (
            _a_list(want)):
        return _list_variable(state, func, item, want, got_words, want_words, where, bound)

    def said(got_type: Type) -> bool:
        g, d = format_type_distinctly(got_type, declared, options=state.options)
        return (g, d) == (f'"{got_words}"', f'"{want_words}"')

    return _first_mismatch(_item_candidates(state, func, item), declared, where, said)


def _a_list(t: Any) -> bool:
    return isinstance(t, Instance) and t.type.fullname == "builtins.list" and len(t.args) == 1


def _list_variable(
    state: Any,
    func: Optional[FuncDef],
    name: NameExpr,
    want: Instance,
    got_words: str,
    want_words: str,
    where: Any,
    bound: _Bound,
) -> Optional[str]:
    """``xs = [h, x]; return [xs]`` against ``List[List[Tensor[B, 64]]]``: mypy reports the
    list ``xs`` as a whole (``list[Tensor[B, Literal[32]]]``); when ``xs`` is that display,
    bound in the same block with nothing in between mentioning it, its first item whose
    shape provably differs is named as the run time names it (``list item 1 of list item
    0``). Every item must have a candidate type whose words are the element's in mypy's
    message (so the list's type is the one mypy compared)."""
    from mypy.messages import format_type_bare

    display = display_before(bound.body, name.name, bound.value)
    element = want.args[0]
    if display is None or translate.shape_of(element) is None:
        return None
    if not (got_words.startswith("list[") and got_words.endswith("]")):
        return None
    got_item = got_words[len("list["):-1]
    if format_type_bare(want, state.options) != want_words:
        return None
    chosen: list[Type] = []
    for item in display.items:
        if isinstance(item, StarExpr):
            return None
        fits = [c for c in _item_candidates(state, func, item)
                if format_type_bare(c, state.options) == got_item]
        if not fits:
            return None
        chosen.append(fits[0])
    for i, got_type in enumerate(chosen):
        part = replace(where, part=f"list item {i} of {where.part}")
        words = _first_mismatch([got_type], element, part, lambda t: True)
        if words is not None:
            return words
    return None
