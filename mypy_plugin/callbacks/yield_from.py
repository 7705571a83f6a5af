"""mypy's error at ``yield from`` of items whose shape is not the generator's item annotation,
reworded in shape words (called by ``callbacks/reworded.py``).

mypy checks ``yield from raw_batches(n)`` in a generator declared ``Iterator[Tensor[8, 10]]``
with no plugin hook: it types the delegated iterable, takes its item type and reports
``Incompatible types in "yield from" (actual type "Tensor[Literal[8], Literal[12]]", expected
type "Tensor[Literal[8], Literal[10]]")  [misc]``. Here the ``yield from`` at the error's
position is found in the function's tree, and the item type mypy compared is found among
candidates: the item type of the declared result of the function or method called
(``raw_batches(n)``), of a name's declared type (``yield from batches`` with ``batches:
List[Tensor[8, 12]]``), or of the type mypy gave the iterable (a generic function's call). A candidate counts only
when mypy's words for it and the annotation are exactly the message's (so it is the type
mypy compared), and the error then takes the words ``@tf.shapecheck`` raises at run time for
the first such item: ``Yielded shape Tensor[8, 12] does not match the annotation Tensor[8,
10]: axis 1 is 12, expected 10``.

>>> FORM.format(got='"A"', declared='"B"')
'Incompatible types in "yield from" (actual type "A", expected type "B")'
"""

from __future__ import annotations

from typing import Any, List, Optional

from mypy.nodes import (
    CallExpr, Decorator, Expression, FuncDef, MemberExpr, NameExpr, OverloadedFuncDef, Var,
    YieldFromExpr,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import CallableType, Instance, Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.statements import walk

__all__ = ["FORM", "YIELD_FROM", "yield_from_words"]

YIELD_FROM = 'Incompatible types in "yield from"'
FORM = 'Incompatible types in "yield from" (actual type {got}, expected type {declared})'
_ITERABLES = ("typing.Iterable", "typing.AsyncIterable")


def yield_from_words(state: Any, file: str, info: Any) -> Optional[str]:
    """Our words for mypy's ``[misc]`` error at a ``yield from``, or ``None`` (the error
    stays mypy's)."""
    from mypy.messages import format_type_distinctly

    from mypy_plugin.callbacks.bare_values import _scope, _yielded
    from mypy_plugin.callbacks.bare_boundaries import verdict_at
    from mypy_plugin.callbacks.boundaries import boundary_message
    from mypy_plugin.callbacks.boundary_index import Boundary
    from typedflux.shapes.bind import Mismatch

    if not info.message.startswith(YIELD_FROM):
        return None
    scope = _scope(state, info)
    if scope is None or scope[1] is None:
        return None
    func = scope[1]
    ftype = func.type
    declared = _yielded(ftype.ret_type) if isinstance(ftype, CallableType) else None
    pattern = translate.shape_of(declared) if declared is not None else None
    if declared is None or pattern is None:
        return None
    found = _yield_from_at(func, info.line, info.column)
    if found is None:
        return None
    for got_type in _item_candidates(found.expr) + _typed(found.expr, file):
        got = translate.shape_of(got_type)
        if got is None:
            continue
        g, d = format_type_distinctly(got_type, declared, options=state.options)
        if info.message != FORM.format(got=g, declared=d):
            continue
        verdict = verdict_at("yield", pattern, got)
        if isinstance(verdict, Mismatch):
            return boundary_message(Boundary("yield"), pattern, got, verdict.axis)
    return None


def _yield_from_at(func: FuncDef, line: int, column: int) -> Optional[YieldFromExpr]:
    """The ``yield from`` of ``func`` (not of a function inside it) mypy reported at."""
    for stmt in walk(func.body.body, scopes=False):
        for e in get_subexpressions(stmt):  # (a statement's expressions)
            if isinstance(e, YieldFromExpr) and (e.line, e.column) == (line, column):
                return e
    return None


def _item_candidates(e: Expression) -> List[Type]:
    """The item types the delegated iterable ``e`` may have had for mypy (see the module)."""
    out: List[Type] = []
    declared: Optional[Type] = None
    if isinstance(e, CallExpr) and isinstance(e.callee, (NameExpr, MemberExpr)):
        node = e.callee.node
        if isinstance(node, Decorator):
            node = node.func
        if isinstance(node, OverloadedFuncDef):
            node = None  # (which item mypy chose is not known here)
        callee = getattr(node, "type", None)
        if isinstance(node, FuncDef) and isinstance(callee, CallableType) and not callee.variables:
            declared = callee.ret_type
    elif isinstance(e, NameExpr) and isinstance(e.node, Var):
        declared = e.node.type
    item = _item_of(declared) if declared is not None else None
    if item is not None and translate.is_tensor(get_proper_type(item)):
        out.append(item)
    return out


def _typed(e: Expression, file: str) -> List[Type]:
    """The item type of the type mypy gave ``e`` (a generic call's, with the caller's dims:
    ``rows(x)`` of ``def rows(x: Tensor[B, 12]) -> Iterator[Tensor[B, 12]]``), read from the
    checker of the module being checked, when the last hook ran there."""
    from mypy_plugin.callbacks.common import CURRENT_API

    api = CURRENT_API[0]
    lookup = getattr(api, "lookup_type_or_none", None)
    if not callable(lookup) or getattr(api, "path", None) != file:
        return []
    t = lookup(e)
    item = _item_of(t) if t is not None else None
    return [item] if item is not None and translate.is_tensor(get_proper_type(item)) else []


def _item_of(t: Type) -> Optional[Type]:
    """The item type of an iterable type (``Iterator[T]``, ``List[T]``, ``Generator[T, ...]``)."""
    from mypy.maptype import map_instance_to_supertype

    p = get_proper_type(t)
    if not isinstance(p, Instance):
        return None
    for base in p.type.mro:
        if base.fullname in _ITERABLES:
            mapped = map_instance_to_supertype(p, base)
            return mapped.args[0] if mapped.args else None
    return None
