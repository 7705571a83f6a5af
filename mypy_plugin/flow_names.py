"""What names a scope's statements bind, and which another scope may reach (for ``flow_run``).

>>> from mypy.nodes import PassStmt
>>> captured([PassStmt()])
(set(), set())
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    GDEF,
    LDEF,
    AssignmentExpr,
    AssignmentStmt,
    Block,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    ForStmt,
    FuncDef,
    GlobalDecl,
    IfStmt,
    Import,
    ListExpr,
    ImportAll,
    ImportFrom,
    LambdaExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    Node,
    NonlocalDecl,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
    Var,
    WhileStmt,
    WithStmt,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.statements import walk
from mypy_plugin import per_build

__all__ = ["captured", "contains", "bound_vars", "other_bindings", "own_expressions",
           "target_binds", "binds_otherwise", "single_binding", "checked_scope",
           "changes_iterated"]


def checked_scope(chk: Any) -> Optional[Tuple[Optional[FuncDef], List[Statement]]]:
    """The scope mypy is checking and its statements: ``(None, tree.defs)`` for the module,
    ``(func, func.body.body)`` for a function; None inside a class body (or a lambda), where
    no single run of statements reaches a read.

    >>> checked_scope(object()) is None
    True
    """
    scope = getattr(chk, "scope", None)
    tree = getattr(chk, "tree", None)
    if scope is None or not isinstance(tree, MypyFile) or scope.active_class() is not None:
        return None
    func = scope.current_function()
    if func is None:
        return None, tree.defs
    return (func, func.body.body) if isinstance(func, FuncDef) else None


_CAPTURED_BY_BODY: Dict[int, Tuple[List[Statement], Tuple[Set[Var], Set[str]]]] = {}
per_build.forget_each_build(_CAPTURED_BY_BODY)  # (holds mypy nodes: this build's only)


def captured(body: List[Statement]) -> Tuple[Set[Var], Set[str]]:
    """:func:`_read_captured`, once per body (the daemon's new parse is a new list)."""
    hit = _CAPTURED_BY_BODY.get(id(body))
    if hit is not None and hit[0] is body:
        return hit[1]
    found = _readcaptured(body)
    if len(_CAPTURED_BY_BODY) >= 64:
        del _CAPTURED_BY_BODY[next(iter(_CAPTURED_BY_BODY))]
    _CAPTURED_BY_BODY[id(body)] = (body, found)
    return found


def _readcaptured(body: List[Statement]) -> Tuple[Set[Var], Set[str]]:
    """Names a nested function, lambda, class or comprehension reads (it may change a list
    at any time), and the names another scope or a walrus may rebind."""
    out: Set[Var] = set()
    names: Set[str] = set()
    for st in walk(body):
        if isinstance(st, (GlobalDecl, NonlocalDecl)):
            names.update(st.names)
        if isinstance(st, (FuncDef, ClassDef, Decorator, OverloadedFuncDef)):
            out.update(_vars(get_subexpressions(st)))
        elif not isinstance(st, (IfStmt, ForStmt, WhileStmt, WithStmt, TryStmt)):
            for x in get_subexpressions(st):
                if isinstance(x, AssignmentExpr):
                    names.add(x.target.name)
                elif isinstance(x, LambdaExpr):  # (a comprehension runs where it is)
                    out.update(_vars(get_subexpressions(x)))
    return out, names


def _vars(exprs: List[Expression]) -> Set[Var]:
    return {x.node for x in exprs if isinstance(x, NameExpr) and isinstance(x.node, Var)}


def changes_iterated(loop: ForStmt, records: Set[Var]) -> bool:
    """Whether ``loop``'s body may change the list it iterates (``for w in ws: ...
    ws.append(w * 2)``: Python's loop then runs over the items added too, so unrolling the
    items known before the loop would claim another sequence): the body reads that name
    (or an attribute of that name, ``self.ws``) other than where a list can be neither
    changed nor kept (an index or slice read, ``len``, an operand, a comparison, a nested
    loop's sequence: flow_values.safe_reads; ``Dense(w, ws[-1])`` leaves it alone; an
    ``append``/``extend``, a ``+=``, an item or slice assignment or ``del``, a call it is
    passed to, an alias do not), or calls a method of, or passes, an object in ``records``
    (``self._grow()`` may change ``self.ws``).

    >>> from mypy.nodes import Block, NameExpr, PassStmt
    >>> changes_iterated(ForStmt(NameExpr("w"), NameExpr("ws"), Block([PassStmt()]), None,
    ...                          None), set())
    False
    """
    from mypy.nodes import IndexExpr

    from mypy_plugin.flow_values import safe_reads

    seq = loop.expr
    body = walk(loop.body.body, scopes=False)
    exprs = [x for s in loop.body.body for x in get_subexpressions(s)]
    safe = safe_reads(exprs)
    safe.update(id(st.expr) for st in body if isinstance(st, ForStmt))
    for st in body:  # (``ws[0] = ...``, ``del ws[0]``: an index written, not read)
        for t in binding_targets(st):
            for x in get_subexpressions(t):
                if isinstance(x, IndexExpr):
                    safe.discard(id(x.base))
    for x in exprs:  # (``ws[0].append(...)``: an item of it changed, or read further)
        if isinstance(x, MemberExpr) and isinstance(x.expr, IndexExpr):
            safe.discard(id(x.expr.base))
    for x in exprs:
        if id(x) in safe:
            continue
        if isinstance(seq, NameExpr) and isinstance(x, NameExpr) and x.node is seq.node:
            return True
        if isinstance(seq, MemberExpr) and isinstance(x, MemberExpr) and x.name == seq.name:
            return True
        if isinstance(x, CallExpr) and any(isinstance(a, NameExpr) and a.node in records for a in [
                x.callee.expr if isinstance(x.callee, MemberExpr) else x.callee, *x.args]):
            return True
    return False


def contains(st: Node, e: Node) -> bool:
    end_line = st.end_line if st.end_line is not None else st.line
    if not st.line <= e.line <= end_line:
        return False
    if e.line == st.line and e.column < st.column:
        return False
    return not (e.line == end_line and st.end_column is not None and e.column > st.end_column)


def binding_targets(st: Statement) -> List[Expression]:
    """The targets ``st`` itself binds: assignment targets, a for loop's index, a with
    statement's ``as`` targets, an except clause's names, a ``del``'s expression."""
    if isinstance(st, AssignmentStmt):
        return list(st.lvalues)
    if isinstance(st, OperatorAssignmentStmt):
        return [st.lvalue]
    if isinstance(st, ForStmt):
        return [st.index]
    targets: List[Expression] = [t for t in getattr(st, "target", []) or [] if t is not None]
    targets += [v for v in getattr(st, "vars", []) or [] if v is not None]
    expr = getattr(st, "expr", None)
    if type(st).__name__ == "DelStmt" and expr is not None:
        targets.append(expr)
    return targets


def target_binds(target: Expression, name: str) -> bool:
    """Whether the binding target ``target`` binds ``name`` (itself, or an item of a tuple,
    list or starred target).

    >>> target_binds(TupleExpr([NameExpr("a"), StarExpr(NameExpr("b"))]), "b")
    True
    """
    if isinstance(target, NameExpr):
        return target.name == name
    if isinstance(target, (TupleExpr, ListExpr)):
        return any(target_binds(i, name) for i in target.items)
    if isinstance(target, StarExpr):
        return target_binds(target.expr, name)
    return False


def binds_otherwise(st: Statement, name: str) -> bool:
    """Whether ``st`` itself binds ``name`` other than as an assignment statement's target:
    an augmented assignment, a for loop's index, a with statement's ``as``, an except
    clause's name, a ``del`` (what "bound once" must rule out besides a second assignment).

    >>> from mypy.nodes import DelStmt
    >>> binds_otherwise(DelStmt(NameExpr("x")), "x")
    True
    """
    if isinstance(st, AssignmentStmt):
        return False
    return any(target_binds(t, name) for t in binding_targets(st))


def single_binding(
    e: NameExpr, tree: MypyFile, func: Optional[Node]
) -> Optional[Tuple[AssignmentStmt, Node]]:
    """The one statement binding the name ``e`` in its scope, ``name = value`` with nothing
    else on its left and no other statement binding the name there, and that scope's owner:
    ``func`` for a local (nested functions included), the module for a global bound once in
    it. ``None`` for any other name.

    >>> single_binding(NameExpr("x"), MypyFile([], []), None) is None
    True
    """
    body: List[Statement]
    owner: Node
    if e.kind == LDEF and isinstance(func, FuncDef):
        body, owner, inner = func.body.body, func, True
    elif e.kind == GDEF and e.fullname == f"{tree.fullname}.{e.name}":
        from mypy_plugin.module_constants import bound_once

        if e.name not in bound_once(tree):
            return None
        body, owner, inner = tree.defs, tree, False
    else:
        return None
    found: Optional[AssignmentStmt] = None
    for st in walk(body, scopes=inner):
        if isinstance(st, AssignmentStmt) and any(target_binds(lv, e.name) for lv in st.lvalues):
            if found is not None or len(st.lvalues) != 1 or not isinstance(st.lvalues[0], NameExpr):
                return None
            found = st
        elif binds_otherwise(st, e.name):
            return None
    return (found, owner) if found is not None else None


def bound_vars(stmts: List[Statement]) -> Set[Var]:
    """Every name a statement of ``stmts`` (nested ones too) may bind."""
    out: Set[Var] = set()
    for st in walk(stmts, scopes=False):
        for t in binding_targets(st):
            out.update(_vars(get_subexpressions(t)) if not isinstance(t, NameExpr)
                       else _vars([t]))
    return out



def other_bindings(st: Statement) -> List[Optional[str]]:
    """Names ``st`` binds other than by assignment; ``[None]``: any name (a match)."""
    if isinstance(st, MatchStmt):
        return [None]
    if isinstance(st, Import):
        return [alias or name.split(".")[0] for name, alias in st.ids]
    if isinstance(st, ImportFrom):
        return [alias or name for name, alias in st.names]
    if isinstance(st, ImportAll):
        return [None]
    if isinstance(st, (FuncDef, ClassDef, OverloadedFuncDef, Decorator)):
        return [st.name]
    return []


def own_expressions(st: Statement) -> List[Expression]:
    """The expressions of ``st`` itself (a compound statement's header, not its body).

    >>> from mypy.nodes import PassStmt
    >>> own_expressions(PassStmt())
    []
    """
    heads: List[Expression]
    if isinstance(st, ForStmt):
        heads = [st.index, st.expr]
    elif isinstance(st, (IfStmt, WithStmt)):
        heads = list(st.expr) + [t for t in getattr(st, "target", []) if t is not None]
    elif isinstance(st, WhileStmt):
        heads = [st.expr]
    elif isinstance(st, TryStmt):
        heads = [t for t in [*st.types, *st.vars] if t is not None]
    elif isinstance(st, MatchStmt):
        heads = [st.subject]
    elif isinstance(st, (FuncDef, ClassDef, Decorator, OverloadedFuncDef, Block)):
        heads = []
    else:
        return list(get_subexpressions(st))
    out: List[Expression] = []
    for h in heads:
        out.extend(get_subexpressions(h))
    return out
