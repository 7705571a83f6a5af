"""How many items a comprehension makes, when that is known before run time.

``tf.stack([m(x) for m in models], axis=1)`` stacks one tensor per model: when the count is
known the stacked axis has that size, so a later op that meets it (a mean over the wrong
axis compared with the labels) is checked. A comprehension's count is known when it has one
``for`` and no ``if``, over:

- ``range(...)`` of ints known statically, or a list/tuple display (no ``*``);
- a name bound once to such a display or to such a comprehension (in the module, or in the
  function being checked), that its scope reads only in ways that cannot change its length:
  iterated (by a comprehension or a ``for``), indexed (not as an assignment or ``del``
  target), or passed to ``len`` or a typedflux function. Anything else (``models.append``,
  passing it to another function, a second binding, ``global``) makes the count unknown;
- ``self.<name>`` in a method, when ``__init__`` binds it in one statement of its own body
  to such a display or comprehension, no other statement of the module binds, augments or
  deletes an attribute of that name, every read of one keeps its length (as above), and
  the module uses no ``setattr``, ``delattr``, ``vars`` or ``__dict__``: a mixture of
  experts' ``tf.stack([e(x) for e in self.experts])``.

>>> from mypy.nodes import IntExpr, ListExpr
>>> sequence_count(ListExpr([IntExpr(1), IntExpr(2)]), lambda e: None)
2
"""

from __future__ import annotations

from typing import Any, List, Optional, Set

from mypy.nodes import (
    ARG_POS,
    GDEF,
    LDEF,
    AssignmentStmt,
    CallExpr,
    DelStmt,
    DictionaryComprehension,
    Expression,
    ForStmt,
    FuncDef,
    GeneratorExpr,
    IndexExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    RefExpr,
    SetComprehension,
    StarExpr,
    TupleExpr,
    WithStmt,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_names import single_binding
from mypy_plugin.statements import checked_tree, walk
from mypy_plugin.values import static_int

__all__ = ["comprehension_count", "sequence_count"]

_MAX_DEPTH = 4


def comprehension_count(gen: GeneratorExpr, lookup: Any) -> Optional[int]:
    """The number of items ``gen`` makes (one ``for``, no ``if``), or None when unknown."""
    return _gen_count(gen, lookup, 0)


def _gen_count(gen: GeneratorExpr, lookup: Any, depth: int) -> Optional[int]:
    if len(gen.sequences) != 1 or any(gen.condlists) or any(gen.is_async):
        return None
    return _count(gen.sequences[0], lookup, depth)


def sequence_count(e: Expression, lookup: Any) -> Optional[int]:
    """The length of ``e`` when known before run time (the rules above), else None."""
    return _count(e, lookup, 0)


def _count(e: Expression, lookup: Any, depth: int) -> Optional[int]:
    if depth > _MAX_DEPTH:
        return None
    if isinstance(e, (ListExpr, TupleExpr)):
        return None if any(isinstance(i, StarExpr) for i in e.items) else len(e.items)
    if isinstance(e, ListComprehension):
        return _gen_count(e.generator, lookup, depth + 1)
    if isinstance(e, CallExpr) and isinstance(e.callee, RefExpr) and e.callee.fullname == "builtins.range":
        if not 1 <= len(e.args) <= 3 or any(k != ARG_POS for k in e.arg_kinds):
            return None
        values: List[int] = []
        for a in e.args:
            v = static_int(a, lookup)
            if not isinstance(v, int) or isinstance(v, bool):
                return None
            values.append(v)
        if len(values) == 3 and values[2] == 0:
            return None
        return len(range(*values))
    if isinstance(e, NameExpr):
        value = _bound_value(e, lookup)
        return _count(value, lookup, depth + 1) if value is not None else None
    if isinstance(e, MemberExpr):
        value = _attribute_value(e, lookup)
        return _count(value, lookup, depth + 1) if value is not None else None
    return None


def _attribute_value(e: MemberExpr, lookup: Any) -> Optional[Expression]:
    """What ``self.<name>`` (read in a method) holds: the value ``__init__`` binds it to in
    one statement of its own body, when no other statement of the module binds, augments or
    deletes an attribute of that name, every other read of such an attribute keeps the
    list's length, and the module uses no ``setattr``, ``vars`` or ``__dict__``."""
    tree = checked_tree(lookup)
    scope = getattr(getattr(lookup, "__self__", None), "scope", None)
    func = scope.current_function() if scope is not None else None
    if tree is None or not isinstance(func, FuncDef) or func.info is None or not func.arguments:
        return None
    me = func.arguments[0].variable.name
    if not (isinstance(e.expr, NameExpr) and e.expr.name == me):
        return None
    init = func.info.names.get("__init__")
    node = init.node if init is not None else None
    if not isinstance(node, FuncDef) or not node.arguments or node.info is not func.info:
        return None
    init_self = node.arguments[0].variable.name
    value: Optional[Expression] = None
    for st in node.body.body:
        if isinstance(st, AssignmentStmt) and len(st.lvalues) == 1:
            lv = st.lvalues[0]
            if (isinstance(lv, MemberExpr) and lv.name == e.name and isinstance(lv.expr, NameExpr)
                    and lv.expr.name == init_self):
                value = st.rvalue
    if value is None or not _attribute_only_read(tree, e.name):
        return None
    return value


def _attribute_only_read(tree: MypyFile, name: str) -> bool:
    bound = 0
    targets: Set[int] = set()
    allowed: Set[int] = set()
    for st in walk(tree.defs, scopes=True):
        if isinstance(st, AssignmentStmt):
            bound += sum(_attribute_named(lv, name) for lv in st.lvalues)
            targets.update(id(lv) for lv in st.lvalues)
        elif isinstance(st, (OperatorAssignmentStmt, DelStmt)):
            return_early = _attribute_named(st.lvalue if isinstance(st, OperatorAssignmentStmt)
                                            else st.expr, name)
            if return_early:
                return False
            targets.add(id(st.lvalue if isinstance(st, OperatorAssignmentStmt) else st.expr))
        elif isinstance(st, ForStmt):
            if _attribute_named(st.index, name):
                return False
            allowed.add(id(st.expr))
        elif isinstance(st, WithStmt) and any(
                t is not None and _attribute_named(t, name) for t in st.target):
            return False
    if bound != 1:
        return False
    exprs = get_subexpressions(tree)
    if any(isinstance(x, NameExpr) and x.name in ("setattr", "vars", "delattr")
           or isinstance(x, MemberExpr) and x.name == "__dict__" for x in exprs):
        return False
    _add_length_keeping(exprs, targets, allowed)
    for x in exprs:
        if isinstance(x, MemberExpr) and x.name == name and id(x) not in allowed \
                and id(x) not in targets:
            return False
    return True


def _add_length_keeping(exprs: List[Expression], targets: Set[int], allowed: Set[int]) -> None:
    # The ids of the expressions ``exprs`` read in ways that keep a list's length: a
    # comprehension's or generator's sequence, an indexed base not assigned to, an argument
    # of typedflux's functions or ``len``.
    for x in exprs:
        if isinstance(x, (GeneratorExpr, DictionaryComprehension)):
            allowed.update(id(s) for s in x.sequences)
        elif isinstance(x, (ListComprehension, SetComprehension)):
            allowed.update(id(s) for s in x.generator.sequences)
        elif isinstance(x, IndexExpr) and id(x) not in targets:
            allowed.add(id(x.base))
        elif isinstance(x, CallExpr) and isinstance(x.callee, RefExpr) and (
                x.callee.fullname.startswith("typedflux.") or x.callee.fullname == "builtins.len"):
            allowed.update(id(a) for a in x.args)


def _attribute_named(e: Expression, name: str) -> int:
    """How many attributes called ``name`` an assignment target binds."""
    if isinstance(e, MemberExpr):
        return int(e.name == name)
    if isinstance(e, (TupleExpr, ListExpr)):
        return sum(_attribute_named(i, name) for i in e.items)
    if isinstance(e, StarExpr):
        return _attribute_named(e.expr, name)
    return 0


def _bound_value(e: NameExpr, lookup: Any) -> Optional[Expression]:
    """What ``e`` is bound to by its one binding, when its scope only reads it in ways that
    keep its length (see the module's docstring)."""
    tree = checked_tree(lookup)
    if tree is None:
        return None
    scope = getattr(getattr(lookup, "__self__", None), "scope", None)
    one = single_binding(e, tree, scope.current_function() if scope is not None else None)
    if one is None:
        return None
    st, owner = one
    if not _only_read(owner, tree, e, {id(st.lvalues[0])}):
        return None
    return st.rvalue


def _only_read(owner: Any, tree: MypyFile, e: NameExpr, bound: Set[int]) -> bool:
    """Whether every mention of ``e``'s variable in its scope keeps the list's length."""
    allowed = set(bound)
    targets: Set[int] = set()  # expressions assigned to or deleted: ``xs[0] = ...``
    for st in walk(tree.defs if e.kind == GDEF else owner.body.body, scopes=True):
        if isinstance(st, AssignmentStmt):
            targets.update(id(lv) for lv in st.lvalues)
        elif isinstance(st, OperatorAssignmentStmt):
            targets.add(id(st.lvalue))
        elif isinstance(st, DelStmt):
            targets.add(id(st.expr))
        elif isinstance(st, ForStmt):
            allowed.add(id(st.expr))
    exprs = get_subexpressions(tree if e.kind == GDEF else owner)
    _add_length_keeping(exprs, targets, allowed)
    for x in exprs:
        if isinstance(x, NameExpr) and x.name == e.name and x.kind == e.kind \
                and (e.kind == LDEF or x.fullname == e.fullname) and id(x) not in allowed:
            return False
    return True
