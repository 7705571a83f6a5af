"""``Chain(*[Block() for _ in range(N)])``: N copies of one layer, as a Chain of N layers.

A Transformer's stack of blocks is written as a list comprehension unpacked into a
``Chain``; mypy types it as a Chain of an unknown number of layers, so everything after it
loses its sizes. When the comprehension runs over ``range`` of a known length (at least 1)
without a condition, every item is the same expression, so every layer has that
expression's type: the Chain is checked and typed as those N layers. An item that reads the
loop variable over a sequence known before run time (``[Dense(a, b) for a, b in zip(s,
s[1:])]``) is typed per item with the variable bound to its value, and ``Chain(*layers)`` of
a list appended to in a loop of known length has the layers ``flow.py`` followed. Anything
else (an unknown count, a list that escaped) keeps mypy's type.

>>> repeated_layers(object()) is None
True
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from mypy.nodes import ARG_POS, ARG_STAR, Expression, GeneratorExpr, ListComprehension, NameExpr
from mypy.server.subexpr import get_subexpressions
from mypy.types import Instance, Type, get_proper_type

from mypy_plugin.callbacks.common import type_lookup
from mypy_plugin.callbacks.creation import range_length
from mypy_plugin.flow import comprehension_items, list_items

__all__ = ["repeated_layers"]


def repeated_layers(ctx: Any) -> Optional[Tuple[List[Type], List[Expression], Type]]:
    """The layers' types, their expressions and the Chain's type for a ``Chain(*[...])``
    call of a known count, or a ``Chain(*layers)`` of a list built in a loop of known
    length, with layers written before or after them (``None``: not one)."""
    kinds = getattr(ctx, "arg_kinds", None)
    if not kinds:
        return None
    actuals = []
    seen = set()
    for ks, es, ts in zip(kinds, ctx.args, ctx.arg_types):
        for k, e, t in zip(ks, es, ts):
            # (mypy may map one ``*layers`` actual to several of Chain's unpacked formals)
            if k != ARG_STAR or id(e) not in seen:
                actuals.append((k, e, t))
                seen.add(id(e))
    if not any(k == ARG_STAR for k, _, _ in actuals) or any(
            k not in (ARG_POS, ARG_STAR) for k, _, _ in actuals):
        return None
    chain = get_proper_type(ctx.default_return_type)
    if not isinstance(chain, Instance):
        return None
    types: List[Type] = []
    exprs: List[Expression] = []
    for kind, e, t in actuals:  # ``Chain(*layers, Dense(h, 10))`` too
        if kind == ARG_POS:
            types.append(t)
            exprs.append(e)
            continue
        built = _built(ctx, e)
        if built is None:
            return None
        types += built[0]
        exprs += built[1]
    return types, exprs, chain.copy_modified(args=types)


def _built(ctx: Any, e: Expression) -> Optional[Tuple[List[Type], List[Expression]]]:
    if isinstance(e, NameExpr):  # a list appended to in a loop (flow.py)
        items = list_items(ctx.api, e)
        if items is None:
            return None
        # (a fault is reported on this call, where the run raises; the message names the
        # layer, whichever iteration built it)
        return [i.type for i in items], [e] * len(items)
    if not isinstance(e, (ListComprehension, GeneratorExpr)):  # ``*(Dense(W, W) for ...)``
        return None
    g = e.generator if isinstance(e, ListComprehension) else e
    if len(g.sequences) != 1 or any(g.condlists) or any(g.is_async):
        return None
    lookup = type_lookup(ctx.api)
    n = range_length(g.sequences[0], lookup)
    item = lookup(g.left_expr)
    if n is not None and item is not None and isinstance(get_proper_type(item), Instance) \
            and not _reads(g.left_expr, g.indices[0]):
        return [item] * n, [g.left_expr] * n
    items = comprehension_items(ctx.api, g)  # ``[Dense(a, b) for a, b in zip(s, s[1:])]``
    if items is None:
        return None
    return [i.type for i in items], [i.expr for i in items]


def _reads(e: Expression, index: Expression) -> bool:
    """Whether ``e`` reads a name the comprehension binds (then items may differ)."""
    names = {x.name for x in [index, *get_subexpressions(index)] if isinstance(x, NameExpr)}
    return any(isinstance(x, NameExpr) and x.name in names for x in [e, *get_subexpressions(e)])
