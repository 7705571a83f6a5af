"""A model whose ``__call__`` fails for every input, called on an input of unknown shape.

A ``Chain`` whose layers cannot compose for any input is an error where it is built. A
model class can be broken so too::

    class TinyGPT:
        def __init__(self, cfg: Config) -> None:
            self.ln_f = LayerNorm(cfg.n_embd)                    # 24
            self.head = Dense(cfg.vocab_size, cfg.vocab_size)    # 30 => 30

        def __call__(self, idx: tf.Tensor) -> tf.Tensor:
            ...
            return self.head(self.ln_f(x))    # fails whatever x is

mypy types ``self.head`` as ``Dense[Any, Any]`` (the sizes are the config's), so the body
alone says nothing, and a call ``model(xb)`` of a batch the checker cannot size (stacked
from numpy slices) says nothing either. The construction ``TinyGPT(cfg)`` knows the layers
(flow_instances.py): :func:`every_input_error` follows the held layers a straight-line
``__call__`` calls in turn (``self.head(self.ln_f(x))``, or through a local bound once: ``h
= self.ln_f(x)``) on a line that runs on every call (body_steps.straight_body: not in a
loop or a branch, not under a conditional or a short circuit), as a Chain's check at its
construction does (typedflux/shapes/chains.py): from the first layer's template, with any
leading dims, restarting after a layer of no rule; a size mismatch that holds whatever the
template's names are (``holds_for_any_size``; a rank is never taken as proven) fails for
every input. It is reported (:func:`every_input_report`), in the failing layer's own words
(the run time's there), where the model is called on an input the checker does not fully
know, as the body's own run on such an input reports what it proves: at the call (where the
run time raises; equal messages are one). A call on a known input runs the body on it and
reports what the run time raises for that input (an earlier layer of the two may be the one
that refuses it), so a report where the model is built would say another thing on another
line. Nothing is reported when the layers' declared types fail too (mypy reports
the body itself then).

>>> every_input_error(None, {}) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple, TypeVar

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    ComparisonExpr,
    Expression,
    FuncDef,
    IndexExpr,
    MemberExpr,
    NameExpr,
    OpExpr,
    TupleExpr,
    UnaryExpr,
    Var,
)
from mypy.subtypes import find_member
from mypy.types import Instance, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import report_shape_error
from mypy_plugin.flow_names import binding_targets
from mypy_plugin.flow_values import Item as Held
from mypy_plugin.statements import walk
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.items import (
    Item,
    erase_names,
    holds_for_any_size,
    is_rank_error,
    start_shape,
    template_of,
)
from typedflux.shapes.layer_config import Shape, is_int

__all__ = ["every_input_error", "every_input_report"]

Failure = Tuple[ShapeError, Expression]
T = TypeVar("T")


def every_input_error(t: Any, attrs: Optional[Dict[str, Any]]) -> Optional[Failure]:
    """The error the ``__call__`` of an instance of type ``t`` holding ``attrs`` (what its
    construction built: flow_instances.py) gives for every input, with the call in the body
    that raises it; None when an input may make it fit (or nothing is known)."""
    from mypy_plugin.callbacks.body_steps import straight_body  # (it imports this module)

    p = get_proper_type(t)
    if not attrs or not isinstance(p, Instance) or p.args or \
            p.type.fullname.startswith("typedflux."):
        return None
    method = p.type.get_method("__call__")
    if not isinstance(method, FuncDef) or method.is_decorated or not method.arguments:
        return None
    body = straight_body(method)
    if body is None:
        return None
    steps, ret = body
    # (the lines that run on every call: not a loop's, not a branch's, not an assert)
    lines = [s[1] for s in steps if len(s) == 2 and s[1] is not None and isinstance(
        s[0], (Var, str, tuple))] + [ret]
    body_of = _Body(method.arguments[0].variable, _bound_once(method, steps))
    found = body_of.first_error(lines, _Layers(p, attrs))
    # With the declared types (``Dense(30, 30)`` written with literals) mypy reports the
    # body itself: nothing to add.
    if found is None or body_of.first_error(lines, _Layers(p, None)) is not None:
        return None
    return found


def every_input_report(ctx: Any, t: Any, attrs: Optional[Dict[str, Any]], out: T) -> T:
    """At ``model(xb)`` (``ctx``: its call's context) of an instance of type ``t`` traced
    to its construction (``attrs``), none of whose arguments is a tensor of fully known
    shape: :func:`every_input_error`'s error, reported at the call, where the body's own run
    reports what it proves for such an input (mypy keeps one of equal messages on a line).
    ``out``, the call's type, is given back.

    >>> every_input_report(None, None, {}, "type")
    'type'
    """
    if not attrs or not all(map(_unsized, getattr(ctx, "arg_types", None) or [[None]])):
        return out
    failed = every_input_error(t, attrs)
    if failed is not None:
        report_shape_error(ctx.api, failed[0], ctx.context)
    return out


def _unsized(types: List[Any]) -> bool:
    """An argument whose shape the checker does not fully know (or not a tensor)."""
    shape = translate.shape_of(types[0]) if len(types) == 1 and types[0] is not None else None
    return shape is None or not all(
        d is not translate.UNKNOWN and not isinstance(d, translate.Star) for d in shape)


def _bound_once(method: FuncDef, steps: List[Any]) -> Dict[Var, Expression]:
    """The body's locals (not its parameters) bound exactly once, by a top-level ``h =
    <expr>`` line."""
    counts: Dict[Var, int] = {a.variable: 2 for a in method.arguments}
    for st in walk(method.body.body, scopes=False):
        for target in binding_targets(st):
            for n in _names(target):
                counts[n] = counts.get(n, 0) + 1
    return {s[0]: s[1] for s in steps if len(s) == 2 and isinstance(s[0], Var)
            and s[1] is not None and counts.get(s[0]) == 1}


def _names(target: Expression) -> List[Var]:
    if isinstance(target, NameExpr) and isinstance(target.node, Var):
        return [target.node]
    if isinstance(target, TupleExpr):
        return [v for i in target.items for v in _names(i)]
    return []


class _Layers:
    """The rules of the layers an instance holds: what its construction built (``attrs``),
    or with ``attrs`` None its attributes' declared types."""

    def __init__(self, instance: Instance, attrs: Optional[Dict[str, Any]]) -> None:
        self.instance, self.attrs = instance, attrs or {}

    def item(self, name: str) -> Optional[Item]:
        from mypy_plugin.callbacks.chain_items import chain_item  # (it imports the bodies)

        if self.instance.type.get_method(name) is not None:
            return None  # (the instance's own method: not a layer of a known rule here)
        held = self.attrs.get(name)
        t = held.type if isinstance(held, Held) else find_member(
            name, self.instance, self.instance)
        try:
            return chain_item(t) if t is not None else None
        except CannotTell:
            return None


class _Body:
    def __init__(self, self_var: Var, once: Dict[Var, Expression]) -> None:
        self.self_var, self.once = self_var, once

    def first_error(self, lines: List[Expression], layers: _Layers) -> Optional[Failure]:
        seen: Set[int] = set()
        for e in lines:
            found = self._visit(e, layers, seen)
            if found is not None:
                return found
        return None

    def _visit(self, e: Expression, layers: _Layers, seen: Set[int]) -> Optional[Failure]:
        """The first failure of a run of held layers in ``e``'s parts evaluated whenever
        ``e`` is."""
        if id(e) in seen:
            return None
        seen.add(id(e))
        if self._held_call(e):
            calls, inner = self._run_of_calls(e)
            found = self._visit(inner, layers, seen)  # (the calls inside its argument first)
            return found if found is not None else _failure(calls, layers)
        for part in _always(e):
            found = self._visit(part, layers, seen)
            if found is not None:
                return found
        return None

    def _held_call(self, e: Expression) -> bool:
        """``self.head(<one argument>)``."""
        return isinstance(e, CallExpr) and e.arg_kinds == [ARG_POS] and isinstance(
            e.callee, MemberExpr) and isinstance(e.callee.expr, NameExpr) and \
            e.callee.expr.node is self.self_var

    def _run_of_calls(self, e: Expression) -> Tuple[List[CallExpr], Expression]:
        """``self.head(self.ln_f(h))`` with ``h = self.proj(x)``: the calls, innermost
        first, and the expression the innermost is given (``x``)."""
        calls: List[CallExpr] = []
        followed: Set[Var] = set()
        while True:
            if self._held_call(e):
                assert isinstance(e, CallExpr)
                calls.append(e)
                e = e.args[0]
            elif isinstance(e, NameExpr) and isinstance(e.node, Var) and \
                    e.node in self.once and e.node not in followed:
                followed.add(e.node)  # (``h = self.ln(h)``: a name bound nowhere else)
                e = self.once[e.node]
            else:
                return calls[::-1], e


def _always(e: Expression) -> List[Expression]:
    """The parts of ``e`` evaluated whenever ``e`` is (not a branch, a short circuit, a
    lambda's or a comprehension's)."""
    if isinstance(e, CallExpr):
        return [e.callee, *e.args]
    if isinstance(e, OpExpr) and e.op not in ("and", "or"):
        return [e.left, e.right]
    if isinstance(e, ComparisonExpr) and len(e.operands) == 2:
        return list(e.operands)
    if isinstance(e, UnaryExpr):
        return [e.expr]
    if isinstance(e, IndexExpr):
        return [e.base, e.index]
    if isinstance(e, MemberExpr):
        return [e.expr]
    if isinstance(e, TupleExpr):
        return list(e.items)
    return []


def _failure(calls: List[CallExpr], layers: _Layers) -> Optional[Failure]:
    """The first of ``calls`` (innermost first, each given the one before's output) that
    fails whatever the first is given, as a Chain's construction proves it: a layer of no
    rule restarts the run from the next one's template."""
    x: Optional[Shape] = None
    for call in calls:
        assert isinstance(call.callee, MemberExpr)
        item = layers.item(call.callee.name)
        if item is None or item.run is None:
            x = None
            continue
        if x is None:
            x = _any_leading(item, start_shape(template_of(item)))
            if x is None:
                continue
        try:
            y = item.run(x)
        except CannotTell:
            x = None
            continue
        except ShapeError as err:
            # (a rank the template assumed proves nothing; nor a size only the template's
            # names gave; and the words must hold no such name: the run time's sizes)
            if is_rank_error(err) or not holds_for_any_size(item.run, x) or \
                    erase_names(x) != tuple(x):
                x = None
                continue
            return err, call
        x = y
    return None


def _any_leading(item: Item, x: Optional[Shape]) -> Optional[Shape]:
    """A template whose layer takes any rank (a ``Dense``'s ``(B, 30)``, an ``Embedding``'s
    ``(B, T)``) with its leading named dims any run of dims (``(..., 30)``, ``(...)``): every
    input it takes, in the words a message about it prints (the run time's sizes)."""
    config = item.config
    if x is None or config is None or config.ranks is not None:
        return x
    k = 0
    while k < len(x) and not isinstance(x[k], translate.Star) and not is_int(x[k]):
        k += 1
    return x if k == 0 else (translate.Star(None), *x[k:])
