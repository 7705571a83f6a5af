"""A ``for`` loop over a known list of layers or model blocks, run item by item.

Model code applies the blocks of a list in a loop, at module level or in a function::

    blocks = [ResBlock(4, 8, TDIM), ResBlock(8, 8, 2 * TDIM)]
    for blk in blocks:
        x = blk(x, t)               # the second block's time embedding expects 32, t has 16

    for u in ups:                   # a U-Net's decoder pops the skips its encoder pushed
        x = u(tf.concat([up(x), skips.pop()], axis=1))

mypy checks the body once, with ``blk`` a ``ResBlock`` of no known sizes and ``skips.pop()``
a tensor of no known shape: nothing is wrong for every item. Here, when mypy reads such a
loop's list (its ``__iter__``), the body is run once per item (``flow_run.Run`` in its
``checks`` mode) from what the scope's run holds just before the loop (flow.py: the list's
items, the tensors the names hold): the loop's variable is the item (an instance built in the
list is read with what its construction builds: flow_instances.py), ``xs.pop()`` of a list the
run follows is its last item (and the list loses it), every expression is typed again. A
``[shape]`` error only these values give (mypy's own types give none there) is reported on
its line; the run stops at the first iteration that fails, as the program does.

Soundness: only a loop at the top level of its scope (the module or a function), over a list
the run knows item by item, whose body is straight-line (assignments and expression
statements: no ``if``, nested loop, ``break``, ``continue``, ``return``); a statement is typed
only when every name of the scope it reads holds a value in the run, or is bound once in the
scope (so mypy's type of it is its value's); a list the run follows is read only by
``pop()`` (at most once per statement) or ``append``. Anything else stops the run there: what
was found before still stands.

>>> loop_replay(object())
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    GDEF,
    LDEF,
    AssignmentStmt,
    CallExpr,
    ConditionalExpr,
    DictionaryComprehension,
    ExpressionStmt,
    ForStmt,
    GeneratorExpr,
    ListComprehension,
    MemberExpr,
    MypyFile,
    NameExpr,
    Node,
    OpExpr,
    OperatorAssignmentStmt,
    SetComprehension,
    Statement,
    Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import Instance, get_proper_type

from mypy_plugin.flow import _progress, _scope
from mypy_plugin.flow_instances import LOOP_INSTANCES, construction_values
from mypy_plugin.flow_reach import global_once
from mypy_plugin.flow_names import binding_targets, other_bindings, target_binds
from mypy_plugin.flow_report import Once, is_shape, new_shape_errors, report
from mypy_plugin.flow_run import ACTIVE, RUNNING, Run, Stop, typed
from mypy_plugin.flow_typed import OVERRIDES, as_type
from mypy_plugin.flow_values import Item, NotStatic, Seq
from mypy_plugin.statements import walk

__all__ = ["loop_replay"]

_DONE = Once()  # loops run, per pass (mypy may read one twice)


def loop_replay(ctx: Any) -> None:
    """At ``for blk in blocks:`` (``ctx``: the hook's context of the list's ``__iter__``):
    the ``[shape]`` errors the body gives for the list's items, reported on their lines."""
    try:
        _replay(ctx)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is reported
        return


def _blocks(t: Any, tree: Any) -> bool:
    """Whether ``t`` is ``list[<a layer, or a class of the module being checked>]`` (the
    cheap test)."""
    p = get_proper_type(t)
    if not (isinstance(p, Instance) and p.type.fullname == "builtins.list" and p.args):
        return False
    item = get_proper_type(p.args[0])
    return isinstance(item, Instance) and (
        item.type.fullname.startswith("typedflux.layers.") or (
            isinstance(tree, MypyFile) and item.type.module_name == tree.fullname))


def _replay(ctx: Any) -> None:
    e = getattr(ctx, "context", None)
    chk = ctx.api
    ret = get_proper_type(getattr(ctx, "default_return_type", None))
    if ACTIVE or not isinstance(e, NameExpr) or not isinstance(e.node, Var) or not (
            isinstance(ret, Instance) and ret.type.fullname == "typing.Iterator") or \
            not _blocks(ctx.type, getattr(chk, "tree", None)):
        return  # (the cheap tests: ``__iter__`` of a name holding a list of blocks)
    if getattr(chk, "path", None) in getattr(getattr(chk, "errors", None), "ignored_files", ()):
        return  # (a module whose errors mypy does not show: an installed package's)
    found = _scope(chk, e)
    if found is None or id(found[0]) in RUNNING:
        return
    node, body, params = found
    k = next((i for i, st in enumerate(body) if isinstance(st, ForStmt) and st.expr is e), None)
    if k is None:
        return
    loop = body[k]
    assert isinstance(loop, ForStmt)
    if not _straight(loop) or any(isinstance(x, NameExpr) and x.node is e.node
                                  for s in loop.body.body for x in get_subexpressions(s)):
        return  # (a body that changes the list it iterates runs another sequence of items)
    if not _DONE.first(loop, chk):
        return
    progress = _progress(chk, node, body, params, tensors=True)
    RUNNING.add(id(node))
    try:
        start = progress.upto(k)
        held = start.get(e.node) if start is not None else None
        if start is None or not isinstance(held, Seq) or not held.items or any(
                isinstance(i, NotStatic) for i in held.items):
            return  # (a list not known item by item: nothing is claimed)
        errors = _errors(chk, node, body, loop, dict(start), held, progress.run.captured)
    finally:
        RUNNING.discard(id(node))
    report(chk, errors)


def _straight(loop: ForStmt) -> bool:
    """A body of plain statements with no branch in them (``a if c else b``, ``and``/``or``,
    a comprehension's ``if``: what runs may depend on data)."""
    return loop.else_body is None and not loop.is_async and isinstance(
        loop.index, NameExpr) and isinstance(loop.index.node, Var) and all(
        isinstance(s, (AssignmentStmt, ExpressionStmt, OperatorAssignmentStmt))
        for s in loop.body.body) and not any(
        isinstance(x, ConditionalExpr) or (isinstance(x, OpExpr) and x.op in ("and", "or")) or (
            isinstance(x, (ListComprehension, GeneratorExpr, DictionaryComprehension,
                           SetComprehension)))
        for s in loop.body.body for x in get_subexpressions(s))


def _errors(chk: Any, node: Node, body: List[Statement], loop: ForStmt, env: Dict[Var, Any],
            held: Seq, captured: Any) -> List[Any]:
    run = _LoopRun(chk, node, [])
    run.env, run.captured = env, captured
    run.factory, run.typed_locals, run.checks = True, True, True
    run.scope_body, run.module = body, isinstance(node, MypyFile)
    index = loop.index
    assert isinstance(index, NameExpr) and isinstance(index.node, Var)
    try:
        for item in held.items:
            run.assign(index, item, set())
            attrs = _instance(chk, item)
            if attrs is not None:
                LOOP_INSTANCES[index.node] = attrs
            try:
                for st in loop.body.body:
                    run.statement(st)
            finally:
                LOOP_INSTANCES.pop(index.node, None)
            if run.errors:
                break  # (the program stops at this iteration)
    except Stop:
        pass  # (what was typed before the run stopped still stands)
    # (where mypy's own types fail too, mypy reports it itself)
    return new_shape_errors(run.errors, lambda e: any(is_shape(m) for m in typed(chk, e, {})[1]))


def _instance(chk: Any, item: Any) -> Optional[Dict[str, Any]]:
    """What the construction an item was built by builds (``ResBlock(8, 8, 2 * TDIM)`` in
    the list's display), its arguments read where it is written (not in this run)."""
    if not isinstance(item, Item) or not isinstance(item.expr, CallExpr):
        return None
    return construction_values(chk, item.expr)


class _LoopRun(Run):
    """A run of a loop's body that reads ``xs.pop()`` of a list it follows, and types a
    statement only when what it reads is known (see the module docstring)."""

    scope_body: List[Statement] = []
    module = False

    def statement(self, st: Statement) -> Optional[Statement]:
        pops = self._pops(st)
        if pops is None or not self._known(st):
            raise Stop
        before = {var: self.env[var] for _, var, _ in pops}
        for call, _, last in pops:
            OVERRIDES[call] = last.type
        try:
            returned = super().statement(st)
        finally:
            for call, _, _ in pops:
                OVERRIDES.pop(call, None)
        for _, var, _ in pops:  # (the run's own reading made the list unknown: a read)
            self.env[var] = Seq(before[var].items[:-1])
        return returned

    def _pops(self, st: Statement) -> Optional[List[Tuple[CallExpr, Var, Item]]]:
        """The ``xs.pop()`` of lists the run follows in ``st``, each with its last item;
        None when such a list is read otherwise (or popped twice, or empty)."""
        exprs = get_subexpressions(st)
        out: List[Tuple[CallExpr, Var, Item]] = []
        allowed: Set[int] = set()
        for x in exprs:
            if not (isinstance(x, CallExpr) and isinstance(x.callee, MemberExpr) and isinstance(
                    x.callee.expr, NameExpr) and isinstance(x.callee.expr.node, Var)):
                continue
            var = x.callee.expr.node
            held = self.env.get(var)
            if not isinstance(held, Seq):
                continue
            if x.callee.name == "pop" and not x.args:
                if any(v is var for _, v, _ in out) or not held.items or \
                        not isinstance(held.items[-1], Item):
                    return None
                out.append((x, var, held.items[-1]))
                allowed.add(id(x.callee.expr))
            elif x.callee.name == "append" and isinstance(st, ExpressionStmt) and st.expr is x:
                allowed.add(id(x.callee.expr))
        for x in exprs:
            if isinstance(x, NameExpr) and isinstance(x.node, Var) and isinstance(
                    self.env.get(x.node), Seq) and id(x) not in allowed:
                return None
        return out

    def _known(self, st: Statement) -> bool:
        """Whether every name of the scope ``st`` reads holds a value here, or is bound once
        in the scope (mypy's type of it is then its value's)."""
        targets = {id(t) for t in binding_targets(st) if isinstance(t, NameExpr)}
        for x in get_subexpressions(st):
            if not isinstance(x, NameExpr) or not isinstance(x.node, Var) or id(x) in targets:
                continue
            v = self.env.get(x.node)
            if isinstance(v, Seq) or (v is not None and as_type(self.chk, v) is not None):
                continue
            if global_once(self.chk, x):
                continue  # (a module-level name bound once: mypy's type is its value's)
            if self.module or x.kind != LDEF:
                if x.kind == GDEF:
                    return False
                continue  # (another scope's name: mypy's type, as in mypy's own check)
            if self._bindings(x.name) != 1:
                return False
        return True

    def _bindings(self, name: str) -> int:
        """How many statements of the function bind its local ``name``."""
        count = 0
        for st in walk(self.scope_body):
            if isinstance(st, ForStmt) and target_binds(st.index, name):
                return 2  # (a loop's variable: mypy's type is the join of its values)
            if any(target_binds(t, name) for t in binding_targets(st)) or \
                    name in other_bindings(st):
                count += 1
        return count
