"""``Chain(*[Block() for _ in range(N)])``: N copies of one layer, as a Chain of N layers.

A Transformer's stack of blocks is written as a list comprehension unpacked into a
``Chain``; mypy types it as a Chain of an unknown number of layers, so everything after it
loses its sizes. When the comprehension runs over ``range`` of a known length (at least 1)
without a condition, every item is the same expression, so every layer has that
expression's type: the Chain is checked and typed as those N layers. Anything else (a list
held in a variable, sizes from the loop variable, an unknown count) keeps mypy's type.

>>> repeated_layers(object()) is None
True
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from mypy.nodes import ARG_STAR, Expression, ListComprehension
from mypy.types import Instance, Type, get_proper_type

from mypy_plugin.callbacks.common import type_lookup
from mypy_plugin.callbacks.creation import range_length

__all__ = ["repeated_layers"]


def repeated_layers(ctx: Any) -> Optional[Tuple[List[Type], List[Expression], Type]]:
    """The layers' types, their expressions and the Chain's type for a ``Chain(*[...])``
    call of a known count (``None``: not one)."""
    kinds = getattr(ctx, "arg_kinds", None)
    if not kinds:
        return None
    actuals = [(k, e) for ks, es in zip(kinds, ctx.args) for k, e in zip(ks, es)]
    if len(actuals) != 1 or actuals[0][0] != ARG_STAR:
        return None
    comp = actuals[0][1]
    if not isinstance(comp, ListComprehension):
        return None
    g = comp.generator
    if len(g.sequences) != 1 or any(g.condlists) or any(g.is_async):
        return None
    lookup = type_lookup(ctx.api)
    n = range_length(g.sequences[0], lookup)
    item = lookup(g.left_expr)
    chain = get_proper_type(ctx.default_return_type)
    if n is None or item is None or not isinstance(get_proper_type(item), Instance):
        return None
    if not isinstance(chain, Instance):
        return None
    types = [item] * n
    return types, [g.left_expr] * n, chain.copy_modified(args=types)
