"""The tensors a ``*`` argument gives a join among other arguments (``tf.cat(*[b(x) for b in
branches], pooling(x), axis=1)``, DeepLab's ASPP): a display's items, or a comprehension's
item type as many times as it makes items, when that count is known
(``callbacks/list_counts.py``); ``callbacks/ops.py`` reads them as shapes. So is a ``*``
item of a display (``tf.stack([*xs, y])``, :func:`display_types`), with ``xs`` a name bound
once to a display or a counted comprehension (``callbacks/bound_lists.py``): any other
``xs`` (a parameter, a list that is appended to) may hold any number of tensors, none
included, so nothing is known there.

>>> from mypy.nodes import ListExpr
>>> starred_types(ListExpr([]), lambda e: None)
[]
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple, Union

from mypy.nodes import (Expression, GeneratorExpr, ListComprehension, ListExpr, NameExpr, StarExpr,
                        TupleExpr)
from mypy.types import Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.bound_lists import bound_list
from mypy_plugin.callbacks.list_counts import comprehension_count

__all__ = ["comprehended", "starred_types", "display_types"]


def comprehended(expr: Union[ListComprehension, GeneratorExpr],
                 lookup: Any) -> Optional[Tuple[Type, Optional[int]]]:
    """The tensor type of every item of a comprehension and how many it makes (None: not
    known); None when its items are not tensors."""
    gen = expr.generator if isinstance(expr, ListComprehension) else expr
    each = lookup(gen.left_expr)
    p = get_proper_type(each) if each is not None else None
    if p is None or not translate.is_tensor(p):
        return None
    return p, comprehension_count(gen, lookup)  # (``for m in models``: one per model)


def starred_types(e: Expression, lookup: Any) -> Optional[List[Type]]:
    """The types a ``*`` argument among others gives: a display's items, or a counted
    comprehension's (1 to 1024 of them); None for anything else (how many is not known)."""
    if isinstance(e, (ListExpr, TupleExpr)):
        types = [lookup(item) for item in e.items]
        return None if any(t is None for t in types) else types
    if isinstance(e, (ListComprehension, GeneratorExpr)):
        found = comprehended(e, lookup)
        if found is not None and found[1] is not None and 1 <= found[1] <= 1024:
            return [found[0]] * found[1]
    return None


def display_types(e: Union[ListExpr, TupleExpr], lookup: Any) -> Optional[List[Type]]:
    """The types of a display's items, each ``*`` item read as the items it gives
    (:func:`starred_types`; ``*xs`` for a name bound once to a display or a counted
    comprehension); None when one is not known.

    >>> display_types(ListExpr([StarExpr(ListExpr([]))]), lambda e: None)
    []
    """
    types: List[Type] = []
    for item in e.items:
        if isinstance(item, StarExpr):
            inner = item.expr
            if isinstance(inner, NameExpr):
                inner = bound_list(inner, lookup) or inner
            given = starred_types(inner, lookup)
            if given is None:
                return None
            types.extend(given)
            continue
        t = lookup(item)
        if t is None:
            return None
        types.append(t)
    return types
