"""What a run does with the lists it follows: ``xs.append(e)``, ``xs += [...]``, ``[... for ...]``.

A scope's run (flow_run.Run) follows a list bound to a name or to a model's attribute
(``self.blocks = []``) through what changes it: ``append``/``extend`` of a display (its new
items, each a value or the type only mypy can give: a layer), ``xs += [...]``, and builds one
from a comprehension over a known sequence (its items typed per iteration). Any other read
of a followed list that may change it (passed to a function, a method other than these, an
alias) leaves it unknown from there on (:meth:`ListSteps.escape`). :class:`ListSteps` holds
these steps; :class:`~mypy_plugin.flow_run.Run` has them.

>>> ListSteps().env
{}
"""

from __future__ import annotations

from typing import Any, List, Optional, Set, Tuple

from mypy.nodes import (
    CallExpr,
    Expression,
    GeneratorExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    TupleExpr,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_values import NOT_STATIC, Env, NotStatic, Seq, iterate, safe_reads

__all__ = ["ListSteps"]


class ListSteps:
    """The steps of a run on the lists it follows (the rest of the run: flow_run.Run)."""

    def __init__(self) -> None:
        self.env: Env = {}

    # (the run's own steps these use: flow_run.Run defines them)
    def value(self, e: Expression, safe: Set[int]) -> Any:
        raise NotImplementedError

    def item(self, e: Expression, safe: Set[int]) -> Any:
        raise NotImplementedError

    def record_of(self, e: Expression) -> Optional[Var]:
        raise NotImplementedError

    def assign(self, lv: Expression, v: Any, safe: Set[int], fresh: bool = False) -> None:
        raise NotImplementedError

    def augment(self, st: OperatorAssignmentStmt, safe: Set[int]) -> None:
        from mypy.nodes import OpExpr

        target = st.lvalue
        assert isinstance(target, NameExpr)
        current = self.value(target, safe)
        if isinstance(current, Seq) and st.op == "+" and isinstance(st.rvalue, (ListExpr,
                                                                                 TupleExpr)):
            safe.add(id(target))
            self.assign(target, Seq(current.items + tuple(
                self.item(x, safe) for x in st.rvalue.items)), safe)
            return
        self.assign(target, self.value(OpExpr(st.op, target, st.rvalue), safe), safe)

    def mutates(self, call: CallExpr) -> bool:
        """Whether ``call`` is ``xs.append(...)``/``xs.extend(...)`` of a list followed."""
        callee = call.callee
        if not isinstance(callee, MemberExpr) or callee.name not in ("append", "extend"):
            return False
        base = callee.expr
        if isinstance(base, NameExpr) and isinstance(base.node, Var):
            return isinstance(self.env.get(base.node), Seq)
        owner = self.record_of(base)
        return owner is not None and isinstance(base, MemberExpr) and isinstance(
            self.env[owner].get(base.name), Seq)

    def mutate(self, call: CallExpr, safe: Set[int]) -> None:
        """``layers.append(e)``, ``layers.extend([...])``; any other call only reads."""
        callee = call.callee
        if isinstance(callee, MemberExpr) and self.record_of(callee.expr) is not None \
                and len(call.args) == 1:
            self.mutate_field(call, callee, safe)
            return
        if not (isinstance(callee, MemberExpr) and isinstance(callee.expr, NameExpr)
                and isinstance(callee.expr.node, Var) and len(call.args) == 1):
            self.value(call, safe)
            return
        current = self.env.get(callee.expr.node)
        if not isinstance(current, Seq) or callee.name not in ("append", "extend"):
            return
        new = self.added(call, callee.name, safe)
        if new is None:
            return
        safe.add(id(callee.expr))
        self.env[callee.expr.node] = Seq(current.items + new)

    def added(self, call: CallExpr, method: str, safe: Set[int]) -> Optional[Tuple[Any, ...]]:
        """The items ``xs.append(e)`` or ``xs.extend([...])`` adds to a list (None for an
        extend by anything but a display)."""
        if method == "append":
            return (self.item(call.args[0], safe),)
        if isinstance(call.args[0], (ListExpr, TupleExpr)):
            return tuple(self.item(x, safe) for x in call.args[0].items)
        return None

    def mutate_field(self, call: CallExpr, callee: MemberExpr, safe: Set[int]) -> None:
        """``self.blocks.append(e)``: as for a name's list (anything else leaves it unknown,
        through :meth:`escape`)."""
        field = callee.expr
        assert isinstance(field, MemberExpr)
        owner = self.record_of(field)
        assert owner is not None
        current = self.env[owner].get(field.name)
        if not isinstance(current, Seq) or callee.name not in ("append", "extend"):
            self.value(call, safe)
            return
        new = self.added(call, callee.name, safe)
        if new is None:
            return
        safe.add(id(field))
        self.env[owner] = self.env[owner].set(field.name, Seq(current.items + new))

    def comprehension(self, g: GeneratorExpr, safe: Set[int]) -> Any:
        """``[Dense(w, w) for _ in range(depth)]``: one ``for``, no condition, over a
        sequence known here; its items typed with each iteration's values (a list of them),
        else NOT_STATIC."""
        if len(g.sequences) != 1 or any(g.condlists) or any(g.is_async):
            return NOT_STATIC
        items = iterate(self.value(g.sequences[0], safe))
        if items is None:
            return NOT_STATIC
        reads = {x.node for x in get_subexpressions(g.left_expr) if isinstance(x, NameExpr)}
        start: Env = self.env
        out: List[Any] = []
        try:
            for v in items:
                self.env = dict(start)
                self.assign(g.indices[0], v, set())
                if out and not any(self.env.get(var) != start.get(var) for var in reads
                                   if isinstance(var, Var)):
                    out.append(out[-1])  # (an item that reads no name the loop binds)
                    continue
                item = self.item(g.left_expr, set())
                if isinstance(item, NotStatic):
                    return NOT_STATIC
                out.append(item)
        finally:
            self.env = start
        return Seq(tuple(out))

    def escape(self, st: Node, safe: Set[int]) -> None:
        """A list read in any way not known to leave it alone is unknown from here on."""
        exprs = get_subexpressions(st)
        safe = safe | safe_reads(exprs)
        for x in exprs:
            if isinstance(x, NameExpr) and id(x) not in safe and isinstance(x.node, Var) \
                    and isinstance(self.env.get(x.node), Seq):
                self.env[x.node] = NOT_STATIC
            if isinstance(x, MemberExpr) and id(x) not in safe:
                owner = self.record_of(x)
                if owner is not None and isinstance(self.env[owner].get(x.name), Seq):
                    self.env[owner] = self.env[owner].set(x.name, NOT_STATIC)
