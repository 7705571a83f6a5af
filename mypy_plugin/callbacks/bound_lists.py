"""Lists bound once to a display, read where their items matter.

Two places need the items of a list variable rather than its type (mypy joins the items'
types, so a list of tensors of several widths is ``list[Tensor[4, int]]``, and a list may be
empty at run time, where nothing is checked):

- ``tf.cat(feats, dims=-1)`` / ``tf.concat(feats, axis=-1)`` with ``feats`` a name bound
  once to a list display (in the module, or in the function being checked) and read only as
  an argument of typedflux's functions or ``len`` (``callbacks/creation.py`` finds the
  module's: nothing can change the list): the display's items are the tensors joined
  (:func:`module_list_items`); a name bound so to a list comprehension (``pooled =
  [c(x).max(axis=(2, 3)) for c in convs]``) is read as that comprehension written in the
  call (:func:`bound_list`);
- ``return [xs]`` against ``List[List[Tensor[...]]]`` with ``xs = [h, x]`` in the same block,
  no statement in between mentioning ``xs``: the display's items are what the run time checks
  (:func:`display_before`).

>>> display_before([], "xs", None) is None
True
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence, Set

from mypy.nodes import (
    LDEF,
    AssignmentStmt,
    Block,
    CallExpr,
    Expression,
    FuncDef,
    IfStmt,
    ListComprehension,
    ListExpr,
    NameExpr,
    OpExpr,
    RefExpr,
    ReturnStmt,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.statements import assignment_before, checked_tree, walk

__all__ = ["module_list_items", "bound_list", "display_before", "typedflux_reads",
           "repeated_display"]


def module_list_items(e: Expression, lookup: Any) -> Optional[List[Expression]]:
    """The items of the list display a name ``e`` is bound to once, in the module or in the
    function being checked, when that scope reads it only as an argument of typedflux's
    functions or ``len``; else ``None``."""
    value = bound_list(e, lookup)
    return list(value.items) if isinstance(value, ListExpr) else None


def bound_list(e: Expression, lookup: Any) -> Optional[Expression]:
    """The non-empty list display or the list comprehension (``pooled = [c(x).max(axis=(2,
    3)) for c in convs]``) a name ``e`` is bound to once, as for :func:`module_list_items`;
    else ``None``. mypy typed the comprehension where it is bound (its item's type then is
    the type of every item the list holds: nothing can change the list after)."""
    from mypy_plugin.callbacks.creation import _named_lists  # (creation imports the ops)

    if not isinstance(e, NameExpr):
        return None
    tree = checked_tree(lookup)
    if tree is None:
        return None
    if e.kind == LDEF:
        scope = getattr(getattr(lookup, "__self__", None), "scope", None)
        func = scope.current_function() if scope is not None else None
        value = _local_list(func, e.name) if isinstance(func, FuncDef) else None
    elif e.fullname == f"{tree.fullname}.{e.name}":
        value = _named_lists(tree).get(e.name)
    else:
        return None
    if isinstance(value, ListComprehension):
        return value
    if isinstance(value, OpExpr):
        value = repeated_display(value, lookup)
    if not isinstance(value, ListExpr) or not value.items:
        return None
    return value


def repeated_display(e: OpExpr, lookup: Any) -> Optional[ListExpr]:
    """``[x, y] * n`` (or ``n * [x, y]``) for a static ``n`` from 1 to 1024, as the display of
    its items written ``n`` times over (the same expressions: their types are known); None
    for anything else.

    >>> from mypy.nodes import IntExpr
    >>> len(repeated_display(OpExpr("*", ListExpr([IntExpr(0)]), IntExpr(3)), lambda e: None).items)
    3
    """
    from mypy_plugin.values import NotStatic, static_int

    if e.op != "*":
        return None
    for seq, count in ((e.left, e.right), (e.right, e.left)):
        n = static_int(count, lookup)
        if isinstance(seq, ListExpr) and not isinstance(n, NotStatic) and 1 <= n <= 1024:
            return ListExpr(list(seq.items) * n)
    return None


def _local_list(func: FuncDef, name: str) -> Optional[Expression]:
    """The list display the local ``name`` of ``func`` is bound to by its one assignment,
    when every other mention of it is an argument of a typedflux function or ``len``."""
    value: Optional[Expression] = None
    targets: List[int] = []
    for st in walk(func.body.body, scopes=True):
        if isinstance(st, AssignmentStmt) and any(
                isinstance(t, NameExpr) and t.name == name for t in st.lvalues):
            if value is not None or len(st.lvalues) != 1:
                return None
            value = st.rvalue
            targets.append(id(st.lvalues[0]))
    if not isinstance(value, (ListExpr, ListComprehension, OpExpr)):
        return None
    exprs = get_subexpressions(func)
    passed = typedflux_reads(exprs) | set(targets)
    for x in exprs:
        if isinstance(x, NameExpr) and x.name == name and id(x) not in passed:
            return None  # read some other way: it might be changed
    for st in walk(func.body.body, scopes=True):
        if not isinstance(st, AssignmentStmt) and _names_in(st, name):
            return None  # (a ``for`` target, ``del``, ``+=``: not an expression read)
    return value


def typedflux_reads(exprs: Sequence[Expression]) -> Set[int]:
    """The ids of the names among ``exprs`` that are read only by a call of typedflux's
    functions or ``len``: an argument, or a ``*`` item of a display argument (``tf.stack([*xs,
    y])`` copies ``xs``'s items); neither can change the list.

    >>> typedflux_reads([])
    set()
    """
    passed: Set[int] = set()
    for x in exprs:
        if isinstance(x, CallExpr) and isinstance(x.callee, RefExpr) and (
                x.callee.fullname.startswith("typedflux.") or x.callee.fullname == "builtins.len"):
            for a in x.args:
                if isinstance(a, NameExpr):
                    passed.add(id(a))
                elif isinstance(a, (ListExpr, TupleExpr)):
                    passed.update(id(i.expr) for i in a.items
                                  if isinstance(i, StarExpr) and isinstance(i.expr, NameExpr))
    return passed


def _names_in(st: Statement, name: str) -> bool:
    """Whether a statement that is no assignment binds or deletes ``name`` itself."""
    from mypy.nodes import DelStmt, ForStmt, OperatorAssignmentStmt, WithStmt

    if isinstance(st, OperatorAssignmentStmt):
        return isinstance(st.lvalue, NameExpr) and st.lvalue.name == name
    if isinstance(st, DelStmt):
        return isinstance(st.expr, NameExpr) and st.expr.name == name
    if isinstance(st, ForStmt):
        return isinstance(st.index, NameExpr) and st.index.name == name
    if isinstance(st, WithStmt):
        return any(isinstance(t, NameExpr) and t.name == name for t in st.target if t is not None)
    return False


def _blocks(body: Sequence[Statement]) -> List[List[Statement]]:
    """Every block of statements in ``body`` (itself, branches, loops, ``with``, ``try``),
    functions and classes left out."""
    out: List[List[Statement]] = [list(body)]
    for st in walk(body, scopes=False):
        found: List[Any] = []
        if isinstance(st, IfStmt):
            found = [*st.body, st.else_body]
        elif isinstance(st, TryStmt):
            found = [st.body, *st.handlers, st.else_body, st.finally_body]
        else:
            found = [getattr(st, "body", None), getattr(st, "else_body", None)]
        out.extend(b.body for b in found if isinstance(b, Block))
    return out


def display_before(
    body: Sequence[Statement], name: str, value: Optional[Expression]
) -> Optional[ListExpr]:
    """The non-empty list display ``name`` is bound to by a statement of the block holding
    the statement whose value is ``value`` (a return, an assignment), when no statement in
    between mentions ``name`` and that binding is the last one before it."""
    for block in _blocks(body):
        for j, st in enumerate(block):
            here = (isinstance(st, ReturnStmt) and st.expr is value) or (
                isinstance(st, AssignmentStmt) and st.rvalue is value)
            if value is None or not here:
                continue
            first = assignment_before(block, j, name)
            r = first.rvalue if first is not None else None
            return r if isinstance(r, ListExpr) and r.items else None
    return None
