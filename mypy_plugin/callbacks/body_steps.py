"""Which bodies of a user layer's methods are read: straight-line steps, then one ``return``.

A bare ``__call__`` (or another method: ``layer.step(x)``) is its layer's rule when its
body is a list of steps layer_bodies.py can run on known inputs: ``h = ...`` lines (plain
names, or a tuple unpacked: ``q, k, v = tf.chunk(...)``, ``b, c, h, w = x.shape``), writes
to the instance read back later in the body (``self.k_cache = tf.cat(self.k_cache, k,
axis=2)``), and loops over list attributes of such lines (``for layer in self.layers:``,
``for i, layer in enumerate(self.layers):``, ``for ff, norm in zip(self.ffs,
self.norms):``), ``if past is not None:`` or ``if self.norm_first:`` blocks of plain lines
(flow_branches.py), then one
``return``. :func:`straight_body` reads those steps once;
:func:`unrolled` opens the loops over the lists an instance is known to hold.

>>> from mypy.nodes import Block, FuncDef
>>> straight_body(FuncDef("f", [], Block([]))) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from mypy.nodes import (
    ARG_POS,
    AssertStmt,
    AssignmentStmt,
    CallExpr,
    Expression,
    FUNC_NO_INFO,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    IfStmt,
    IntExpr,
    MemberExpr,
    NameExpr,
    ReturnStmt,
    Statement,
    StrExpr,
    TupleExpr,
    Var,
)
from mypy.subtypes import find_member
from mypy.types import Instance, Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.bodies import Receiver, inner_def, tensor_shape, tensor_value
from mypy_plugin.flow_branches import ASSERT, Assert, Branch, assignment, branch_step
from mypy_plugin.flow_keywords import by_parameter, keyword_output
from mypy_plugin.flow_patches import patched
from mypy_plugin.flow_ranges import Range, count_of, passes, range_loop
from mypy_plugin.flow_values import Item, Seq
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.layer_config import Several, is_int
from typedflux.shapes.layers_recurrent import RecurrentConfig

__all__ = ["Target", "Step", "straight_body", "unrolled", "HeldLayer", "layer_output"]


# A name, names a tuple is unpacked to (or attributes of ``self``: ``y, self.hidden = ...``),
# or an attribute of ``self`` written (its name); or an ``if p is None:`` (its lines in it).
Target = Union[Var, Tuple["Target", ...], str, Branch, Assert]
# A line (a branch's expression None), or a loop over list attributes (one, or several
# zipped) with its lines.
Step = Union[Tuple[Target, Optional[Expression]],
             Tuple[Any, Union[str, Tuple[str, ...], Range], List[Tuple[Target, Expression]]]]


def straight_body(func: FuncDef) -> Optional[Tuple[List[Step], Expression]]:
    """``h = ...`` lines (plain names, or a tuple unpacked), ``self.a = ...`` writes,
    ``for layer in self.layers:`` loops of such lines and ``if p is None:`` branches, then
    one ``return``; a one-return ``def`` among them is stepped over (bodies.inner_def: run
    where it is called); None for anything else."""
    if func.info is not FUNC_NO_INFO and patched(func.info, func.name):
        return None  # (the module assigns another function to it: flow_patches.py)
    stmts = list(func.body.body)
    if len(stmts) >= 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]
    if not stmts or not isinstance(stmts[-1], ReturnStmt) or stmts[-1].expr is None:
        return None
    self_var = func.arguments[0].variable if func.arguments else None
    local: List[Step] = []
    for s in stmts[:-1]:
        branch = branch_step(s, tests=True) if isinstance(s, IfStmt) else None
        if branch is not None:  # ``if past is not None: k = tf.cat(...)``, ``if self.norm_first:``
            local.append((branch, None))
            continue
        if isinstance(s, FuncDef) and inner_def(s):  # ``def shape(x): return ...`` (HF T5)
            continue  # (bodies.py runs it where the body calls it, on the values then)
        if isinstance(s, AssertStmt):  # ``assert t <= self.block_size`` (flow_branches.py)
            local.append((ASSERT, s.expr))
            continue
        loop = _self_loop(s, self_var) or range_loop(s) if isinstance(s, ForStmt) else None
        if loop is not None:  # (``for _ in range(n):``: flow_ranges.py)
            assert isinstance(s, ForStmt)
            body = [assignment(b) for b in s.body.body]
            if not body or any(b is None for b in body):
                return None
            local.append((loop[0], loop[1], [b for b in body if b is not None]))
            continue
        step = assignment(s) or _self_write(s, self_var)
        if step is None:
            return None
        local.append(step)
    return local, stmts[-1].expr


def _self_write(s: Statement, self_var: Optional[Var]) -> Optional[Tuple[Target, Expression]]:
    """``self.k_cache = tf.cat(self.k_cache, k, axis=2)``: a write to the instance, read
    back by the rest of the body (its target the attribute's name)."""
    if not isinstance(s, AssignmentStmt) or len(s.lvalues) != 1 or s.type is not None:
        return None
    target = s.lvalues[0]
    if isinstance(target, MemberExpr) and isinstance(target.expr, NameExpr) and \
            target.expr.node is self_var and self_var is not None:
        return target.name, s.rvalue
    if isinstance(target, TupleExpr) and target.items:  # ``y, self.hidden = self.rnn(...)``
        items = _written(target, self_var)
        return None if items is None else (items, s.rvalue)
    return None


def _written(e: Expression, self_var: Optional[Var]) -> Optional[Target]:
    """A tuple target's names and instance attributes, nested as written (``y, (self.h,
    self.c) = self.rnn(x, state)``); None for any other item."""
    if isinstance(e, NameExpr) and isinstance(e.node, Var):
        return e.node
    if isinstance(e, MemberExpr) and isinstance(e.expr, NameExpr) and \
            e.expr.node is self_var and self_var is not None:
        return e.name
    if isinstance(e, TupleExpr) and e.items:
        items = [_written(i, self_var) for i in e.items]
        return None if any(i is None for i in items) else tuple(
            i for i in items if i is not None)
    return None


_COUNT = ""  # ``enumerate``'s count among a loop's attribute names (no attribute is named so)


def _self_loop(s: ForStmt, self_var: Optional[Var]
               ) -> Optional[Tuple[Target, Union[str, Tuple[str, ...]]]]:
    """``for layer in self.layers:`` (a variable and an attribute's name), or ``for ff, norm
    in zip(self.ffs, self.norms):`` (a tuple of variables and one of names), or ``for i,
    layer in enumerate(self.layers):``; else None."""
    def attribute(e: Expression) -> Optional[str]:
        if isinstance(e, MemberExpr) and isinstance(e.expr, NameExpr) and \
                e.expr.node is self_var and self_var is not None:
            return e.name
        return None

    if s.else_body is not None or s.is_async:
        return None
    index, source = s.index, s.expr
    if isinstance(index, NameExpr) and isinstance(index.node, Var):
        name = attribute(source)
        return None if name is None else (index.node, name)
    if isinstance(index, TupleExpr) and len(index.items) == 2 and isinstance(
            source, CallExpr) and isinstance(source.callee, NameExpr) and \
            source.callee.fullname == "builtins.enumerate" and source.arg_kinds == [ARG_POS]:
        # ``for i, layer in enumerate(self.layers):`` (the count as an attribute of no name)
        name, counter, layer = attribute(source.args[0]), index.items[0], index.items[1]
        if name is None or not all(isinstance(i, NameExpr) and isinstance(i.node, Var)
                                   for i in (counter, layer)):
            return None
        assert isinstance(counter, NameExpr) and isinstance(layer, NameExpr)
        assert isinstance(counter.node, Var) and isinstance(layer.node, Var)
        return (counter.node, layer.node), (_COUNT, name)
    if not (isinstance(index, TupleExpr) and isinstance(source, CallExpr) and isinstance(
            source.callee, NameExpr) and source.callee.fullname == "builtins.zip"
            and len(source.args) == len(index.items) >= 2
            and all(k == ARG_POS for k in source.arg_kinds)):
        return None
    names = [attribute(a) for a in source.args]
    variables = [i.node for i in index.items if isinstance(i, NameExpr)]
    if any(n is None for n in names) or len(variables) != len(names) or not all(
            isinstance(v, Var) for v in variables):
        return None
    return tuple(v for v in variables if isinstance(v, Var)), tuple(
        n for n in names if n is not None)


def unrolled(steps: List[Step], known: Dict[str, Any], env: Optional[Dict[int, Any]] = None
             ) -> List[Tuple[Target, Any]]:
    """The steps with each loop over a list the instance is known to hold unrolled: its
    variable bound to each layer in turn (CannotTell when the list is not known); a loop
    over ``range(n)`` its first passes for the count ``env`` (the parameters' values) or
    ``known`` gives (flow_ranges.py)."""
    out: List[Tuple[Target, Any]] = []
    for step in steps:
        if len(step) == 2:
            out.append(step)
            continue
        var, name, body = step
        if isinstance(name, Range):
            out.extend(passes(var, count_of(name.count, env or {}, known), body))
            continue
        variables = var if isinstance(var, tuple) else (var,)
        names = name if isinstance(name, tuple) else (name,)
        lists = []
        for n in names:
            held = known.get(n)
            if n == _COUNT:
                continue
            if not isinstance(held, Seq) or not all(isinstance(i, Item) for i in held.items):
                raise CannotTell("a loop over a list not known to hold these layers")
            lists.append(held.items)
        for k, items in enumerate(zip(*lists)):  # (``zip`` stops at the shortest list)
            layers = iter(items)
            out.extend((v, IntExpr(k) if n == _COUNT else _held(next(layers)))
                       for v, n in zip(variables, names))
            out.extend(body)
    return out


def _held(item: Item) -> Any:
    """A loop's variable for an item of a list the instance holds: a layer, or a tensor
    (DCN's ``for w, b in zip(self.kernels, self.biases):``) of the sizes its type fixes
    (any other dim unknown: the type is mypy's where the list was built)."""
    p = get_proper_type(item.type)
    if not translate.is_tensor(p):
        return HeldLayer(item.type, item.attrs)
    s = translate.shape_of(p, translate.Names())
    if s is None or any(isinstance(d, translate.Star) for d in s):
        raise CannotTell("a tensor of unknown rank in a list")
    return tensor_value(tuple(d if is_int(d) else translate.UNKNOWN for d in s))


class HeldLayer(Receiver):
    """A layer a loop of the body binds (an item of a list the instance holds), or an
    attribute of the instance holding a layer: called with one tensor, by its rule (a model
    instance its construction built with known values, ``[Block(config) for _ in
    range(n)]``'s items: by its body on what that construction built, flow_instances.py)."""

    def __init__(self, t: Type, attrs: Optional[Dict[str, Any]] = None) -> None:
        self.type = t
        self.attrs = attrs

    def attribute(self, name: str) -> Any:
        """A parameter of the layer (``self.wte.weight``: GPT-2's tied head writes ``h @
        self.wte.weight.T``): its declared type for this layer's sizes, when all are known."""
        p = get_proper_type(self.type)
        t = find_member(name, p, p) if isinstance(p, Instance) else None
        s = translate.shape_of(t) if t is not None else None
        if s is None or not all(isinstance(d, int) for d in s):
            raise CannotTell("a layer's attribute of no known fixed shape")
        return tensor_value(tuple(s))

    def call(self, name: str, args: List[Any], kinds: List[Any],
             names: Optional[Sequence[Optional[str]]] = None) -> Any:
        return held_call(self.type, self.attrs if name == "__call__" else None, args, kinds,
                         names)


def held_call(t: Optional[Type], attrs: Optional[Dict[str, Any]], args: List[Any],
              kinds: List[Any], names: Optional[Sequence[Optional[str]]] = None) -> Any:
    """A held layer of type ``t`` called in a body (``self.blk(x, mask=m)``, an item of a
    list the instance holds): by its body on what its construction built (``attrs``:
    flow_instances.py), the arguments matched by its own parameters (flow_keywords.py); else
    by its rule on its declared sizes (:func:`layer_output`).

    >>> held_call(None, None, [], [])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.CannotTell: a held value that is not a layer with a rule
    """
    from mypy_plugin.callbacks.chain_items import chain_item  # (it imports this module)
    from mypy_plugin.callbacks.layer_bodies import built_output

    ordered = by_parameter(t, args, kinds, names) if attrs and t is not None else None
    out = built_output(t, attrs, ordered) if ordered and t is not None and attrs else None
    if out is not None:
        return out  # (else what its declared attributes give, below)
    item = chain_item(t) if t is not None else None
    if item is None:
        raise CannotTell("a held value that is not a layer with a rule")
    return layer_output(item, args, kinds, names, t)


def layer_output(item: Any, args: List[Any], kinds: List[Any],
                 names: Optional[Sequence[Optional[str]]] = None, t: Optional[Type] = None
                 ) -> Any:
    """A layer's call in a body, by its rule (``item``: chain_items.py): on one tensor, or
    for a built-in layer on several (a recurrent layer's initial states: ``self.rnn(x,
    self.hidden)``), or with keywords its signature (``t``'s) names (``self.attn(h, h, h,
    mask=mask)``: flow_keywords.py); a tensor, or a tuple of them (``return_state``: ``(y,
    h)``).

    >>> layer_output(None, [], [])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.CannotTell: a layer not called with its tensors
    """
    if args and t is not None and any(k != ARG_POS for k in kinds):
        return _output_value(keyword_output(t, item, args, kinds, names))
    if not args or any(k != ARG_POS for k in kinds) or (
            len(args) > 1 and getattr(item, "config", None) is None):
        raise CannotTell("a layer not called with its tensors")
    return _output_value(item.call(_inputs(item, args)))


def _inputs(item: Any, args: List[Any]) -> List[Any]:
    """The shapes a layer's rule takes for ``args``: a recurrent layer's state given as one
    tuple (an LSTM's ``self.rnn(x, (h, c))``, or a user encoder's ``(h, c)`` result) is its
    ``h0`` and ``c0``, as at run time."""
    if len(args) == 2 and isinstance(args[1], tuple) and isinstance(
            getattr(item, "config", None), RecurrentConfig):
        return [tensor_shape(args[0])] + [tensor_shape(a) for a in args[1]]
    return [tensor_shape(a) for a in args]


def _output_value(out: Any) -> Any:
    if isinstance(out, Several):
        return tuple(map(_output_value, out))
    return tensor_value(tuple(out))
