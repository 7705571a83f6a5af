"""Where a container that cannot join is reported: the line of the part at fault.

A Chain's error goes to the layer at fault (its own line in a multi-line ``Chain(...)``);
a ``SkipConnection`` or ``Parallel`` written over several lines deserves the same. For a
``SkipConnection`` whose layer is an inline ``Chain(...)``, the part at fault is the last
layer its hint says to change (``change Conv((1, 1), 96 => 96) to Conv((1, 1), 96 => 16) and
BatchNorm(96) to BatchNorm(16)``: the projection a MobileNet inverted residual lacks, not the
expansion before it), else the last layer that changes the shape (the ``Conv((1, 1), 16 =>
32)`` of a bottleneck, not the ``BatchNorm(32)`` after it); for a ``Parallel``, the
first branch that cannot be joined with the ones before it.

>>> callable(skip_culprit) and callable(parallel_culprit) and callable(join_culprit)
True
"""

from __future__ import annotations

import re
from typing import Callable, List, Optional, Sequence

from mypy.nodes import ARG_POS, CallExpr, Context, Expression, MemberExpr, NameExpr
from mypy.types import Instance, Type, get_proper_type

from mypy_plugin.callbacks.chain_items import CHAIN, PARALLEL, SKIP, chain_item, chain_items
from mypy_plugin.callbacks.layer_types import INNER
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.items import Item, item_text, template_of
from typedflux.shapes.shape import Shape

__all__ = ["skip_culprit", "parallel_culprit", "join_culprit", "nested_culprit"]

# The layer a hint says to change: ``...; change Conv((1, 1), 96 => 96) to ...``.
_HINTED = re.compile(r"; change (.+?) to ")


def _run(item: Optional[Item], x: Shape) -> Optional[Shape]:
    if item is None:
        return None
    try:
        return item.call([x])
    except (ShapeError, CannotTell):
        return None


def _is_chain_call(e: Expression) -> bool:
    return (isinstance(e, CallExpr) and isinstance(e.callee, (NameExpr, MemberExpr))
            and e.callee.name == CHAIN and all(k.is_positional() for k in e.arg_kinds))


def skip_culprit(
    layer: Expression, layer_type: Type, default: Context, message: str = ""
) -> Context:
    """The expression to report a ``SkipConnection``'s join error at: the layer of an inline
    ``Chain(...)`` (nested ones too) that the error's hint says to change (``change
    Conv((1, 1), 96 => 96) to ...``), else the last one that changes the shape; else the
    layer argument."""
    where: Context = layer if layer.line != getattr(default, "line", -1) else default
    t = get_proper_type(layer_type)
    named = _HINTED.search(message)
    while _is_chain_call(layer) and isinstance(t, Instance):
        assert isinstance(layer, CallExpr)
        items = chain_items(t)
        if not items or len(items) != len(layer.args):
            break
        hinted = [i for i, item in enumerate(items)
                  if named is not None and item is not None and item_text(item) == named.group(1)]
        if len(hinted) == 1:
            return layer.args[hinted[0]]
        x = template_of(chain_item(t))
        last: Optional[int] = None
        for i, item in enumerate(items):
            if x is None:
                break
            y = _run(item, x)
            if y is None:
                last = None
                break
            if y != x:
                last = i
            x = y
        if last is None:
            break
        where = layer = layer.args[last]
        t = get_proper_type(_arg_type(layer, t, last))
    return where


def join_culprit(e: Expression, t: Type, err: ShapeError) -> Context:
    """A SkipConnection at fault in a Chain whose join fails (not its input): the line of
    the inner layer that changes the shape, as where the SkipConnection is built; a layer of
    a Chain written inside ``e`` (directly, or held by a SkipConnection, at any depth) that
    fails: its line (:func:`nested_culprit`, following ``ShapeError.path``)."""
    deeper = nested_culprit(e, getattr(err, "path", ())[1:])
    branch = _branch(deeper if deeper is not None else e, getattr(err, "branch", None))
    if branch is not None:
        return branch
    if deeper is not None:
        return deeper
    inner = err.message.split(": ", 1)[-1]
    p = get_proper_type(t)
    if (not isinstance(e, CallExpr) or not isinstance(p, Instance)
            or inner.startswith("Chain layer") or " expects input " in inner.split(";")[0]):
        return e
    layer = (p.extra_attrs.attrs if p.extra_attrs else {}).get(INNER)
    if getattr(e.callee, "name", None) != SKIP or layer is None or not e.args:
        return e
    return skip_culprit(e.args[0], layer, e, err.message)


def _branch(e: Expression, k: object) -> Optional[Expression]:
    """Branch ``k`` (1 first) of ``Parallel(connection, *branches)`` written as ``e`` with
    every argument positional (a multi-line Parallel: the branch's own line)."""
    if isinstance(k, int) and isinstance(e, CallExpr) and getattr(e.callee, "name", None) \
            == PARALLEL and all(kind == ARG_POS for kind in e.arg_kinds) and 1 <= k < len(e.args):
        return e.args[k]
    return None


def nested_culprit(e: Expression, path: Sequence[int]) -> Optional[Expression]:
    """The layer expression at ``path`` (positions in the Chains nested in ``e``, a Chain
    directly or the one a ``SkipConnection`` holds: ``ShapeError.path`` past the top
    Chain's position), written where ``e`` is; ``None`` when a step is not written so (a
    Chain of a name, an unpacked list, a keyword).

    >>> nested_culprit(NameExpr("block"), [2]) is None
    True
    """
    for k in path:
        if isinstance(e, CallExpr) and getattr(e.callee, "name", None) == SKIP and e.args \
                and e.arg_kinds[0] == ARG_POS:
            e = e.args[0]
        if not (isinstance(e, CallExpr) and getattr(e.callee, "name", None) == CHAIN
                and all(kind == ARG_POS for kind in e.arg_kinds) and 1 <= k <= len(e.args)):
            return None
        e = e.args[k - 1]
    return e if path else None


def _arg_type(e: Expression, chain: Instance, i: int) -> Type:
    args = chain.args
    return args[i] if i < len(args) else chain


def parallel_culprit(branches: Sequence[Expression], items: Sequence[Optional[Item]],
                     join: Callable[[List[Shape]], Shape], default: Context) -> Context:
    """The expression to report a ``Parallel``'s join error at: the first branch whose
    output cannot be joined with those before it (each branch from the input it takes)."""
    if len(branches) != len(items):
        return default
    outs: List[Shape] = []
    for item in items:
        t = template_of(item)
        out = _run(item, t) if t is not None else None
        if out is None:
            return default
        outs.append(out)
    for k in range(2, len(outs) + 1):
        try:
            join(outs[:k])
        except ShapeError:
            return branches[k - 1]
        except (CannotTell, TypeError, ValueError):
            return default
    return default
