"""Sizes held in names: ``half = x.shape[1] // 2``, then ``x[:, :half]``.

mypy types ``half`` as ``int`` (a symbolic dim read through ``x.shape`` is widened so that
user code can compute with it), so a slice bound or a size given by the name is unknown,
where the same expression written inline is the dim ``N`` of ``x: Tensor[B, "2*N"]``.
:func:`inline_sizes` writes such a name's value back into a size expression, so the ops'
hooks read it as they read it inline.

A name is replaced by its value only where that value is what the run time reads there: a
local of the function being checked, bound by one statement ``name = <value>`` at the top
level of its body on a line before the read (flow_names.single_binding: no other binding in
the function), whose value is made only of int literals, ``+ - * //``, unary ``-``,
``t.shape[i]`` (``i`` an int literal) of a parameter that nothing in the function rebinds
or assigns an attribute of, and other such names (nested up to :data:`DEPTH`). Anything
else keeps the name as mypy types it.

The sizes a shape's star-unpacking leaves in a list (``*lead, d = x.shape``, then
``x.reshape(*lead, d // 2, 2)`` or ``tf.zeros(*lead, d)``): mypy types ``lead`` as a
``list[int]``, of no known length. :func:`starred_sizes` gives its items' types (the
dims of ``x.shape`` the star took) where the list is what the run time holds: the name is
bound by that one statement, at the top level of its scope (the function being checked, or
the module) on a line before the read, from a tuple of known length (mypy's type of the
value there), and every other mention of it in that scope (nested functions included; the
whole module for a module-level name) is a ``*lead`` argument of a call (which reads the
list, and changes nothing: no ``lead.append``, ``lead[0] = ...``, ``f(lead)``).

>>> from mypy.nodes import IntExpr
>>> inline_sizes(object(), IntExpr(3)).value
3
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    ARG_STAR,
    GDEF,
    LDEF,
    AssignmentStmt,
    CallExpr,
    Expression,
    ListExpr,
    FuncDef,
    IndexExpr,
    IntExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    StarExpr,
    Statement,
    TupleExpr,
    UnaryExpr,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from mypy.types import TupleType, Type, UnpackType, get_proper_type

from mypy_plugin.flow_names import binding_targets, captured, single_binding
from mypy_plugin.statements import walk
from mypy_plugin import per_build

__all__ = ["inline_sizes", "starred_sizes", "DEPTH"]

DEPTH = 8  # names whose values name names, at most
_OPS = ("+", "-", "*", "//")
_KEEP = 64  # functions remembered
_FIXED: Dict[int, Tuple[FuncDef, List[Statement], Set[Var]]] = {}
per_build.forget_each_build(_FIXED)  # (holds mypy nodes: this build's only)
_BOUND: Dict[Tuple[int, int], Tuple[FuncDef, List[Statement], Optional[AssignmentStmt]]] = {}
per_build.forget_each_build(_BOUND)  # (holds mypy nodes: this build's only)


class _Keep(Exception):
    """A value that is not a size expression read here: the name stays."""


def inline_sizes(chk: Any, e: Expression) -> Expression:
    """``e`` with each name bound as above replaced by its value (``e`` itself when none is).
    ``chk``: mypy's checker (its current function and module)."""
    if not any(isinstance(x, NameExpr) and x.kind == LDEF for x in get_subexpressions(e)):
        return e
    tree = getattr(chk, "tree", None)
    scope = getattr(chk, "scope", None)
    func = scope.current_function() if scope is not None else None
    if not isinstance(tree, MypyFile) or not isinstance(func, FuncDef):
        return e
    try:
        return _inline(e, tree, func, 0, strict=False)
    except (_Keep, RecursionError):
        return e


def _inline(e: Expression, tree: MypyFile, func: FuncDef, depth: int, strict: bool) -> Expression:
    """``e`` with its names replaced; ``strict`` (inside a name's value): anything but a size
    expression raises :class:`_Keep`."""
    if isinstance(e, IntExpr):
        return e
    if isinstance(e, UnaryExpr) and e.op == "-":
        inner = _inline(e.expr, tree, func, depth, strict)
        return e if inner is e.expr else _like(UnaryExpr("-", inner), e)
    if isinstance(e, OpExpr) and e.op in _OPS:
        left = _inline(e.left, tree, func, depth, strict)
        right = _inline(e.right, tree, func, depth, strict)
        return e if left is e.left and right is e.right else _like(OpExpr(e.op, left, right), e)
    if _shape_read(e, func):
        return e
    if isinstance(e, NameExpr) and isinstance(e.node, Var) and e.kind == LDEF:
        value = _value(e, tree, func) if depth < DEPTH else None
        if value is not None:
            try:
                return _inline(value, tree, func, depth + 1, strict=True)
            except _Keep:
                pass
    if strict:
        raise _Keep
    return e


def _like(new: Expression, old: Expression) -> Expression:
    new.set_line(old)
    return new


def _value(e: NameExpr, tree: MypyFile, func: FuncDef) -> Optional[Expression]:
    """The value of the one top-level statement of ``func`` binding ``e``, before ``e``."""
    key = (id(func), id(e.node))
    hit = _BOUND.get(key)
    if hit is not None and hit[0] is func and hit[1] is func.body.body:
        st = hit[2]
    else:
        found = single_binding(e, tree, func)
        st = found[0] if found is not None and found[1] is func and any(
            s is found[0] for s in func.body.body) else None
        if len(_BOUND) >= _KEEP * 16:
            del _BOUND[next(iter(_BOUND))]
        _BOUND[key] = (func, func.body.body, st)
    return st.rvalue if st is not None and st.line < e.line else None


def _shape_read(e: Expression, func: FuncDef) -> bool:
    """``x.shape[1]`` (or ``[-1]``) of a parameter ``x`` the function never changes."""
    if not (isinstance(e, IndexExpr) and isinstance(e.base, MemberExpr)
            and e.base.name == "shape" and isinstance(e.base.expr, NameExpr)):
        return False
    i = e.index
    if not (isinstance(i, IntExpr) or (isinstance(i, UnaryExpr) and i.op == "-"
                                        and isinstance(i.expr, IntExpr))):
        return False
    var = e.base.expr.node
    return isinstance(var, Var) and var in _fixed(func)


def _fixed(func: FuncDef) -> Set[Var]:
    """The parameters of ``func`` that no statement of it (nested scopes included) binds
    again, or assigns, augments or deletes an attribute of."""
    hit = _FIXED.get(id(func))
    if hit is not None and hit[0] is func and hit[1] is func.body.body:
        return hit[2]
    changed: Set[Var] = set()
    for st in walk(func.body.body):
        for t in binding_targets(st):
            for x in get_subexpressions(t):
                base = x.expr if isinstance(x, MemberExpr) else x
                if isinstance(base, NameExpr) and isinstance(base.node, Var):
                    changed.add(base.node)
    rebound = captured(func.body.body)[1]
    out = {a.variable for a in func.arguments
           if a.variable not in changed and a.variable.name not in rebound}
    if len(_FIXED) >= _KEEP:
        del _FIXED[next(iter(_FIXED))]
    _FIXED[id(func)] = (func, func.body.body, out)
    return out


def starred_sizes(chk: Any, e: Expression, lookup: Any) -> Optional[List[Type]]:
    """The types of the items of the list ``e`` names when it was bound by star-unpacking a
    tuple of known length as above (``lookup``: mypy's type of an expression already
    checked); None for anything else.

    >>> starred_sizes(object(), NameExpr("lead"), lambda e: None) is None
    True
    """
    if not isinstance(e, NameExpr) or not isinstance(e.node, Var):
        return None
    tree = getattr(chk, "tree", None)
    scope = getattr(chk, "scope", None)
    func = scope.current_function() if scope is not None else None
    if not isinstance(tree, MypyFile):
        return None
    if e.kind == LDEF and isinstance(func, FuncDef):
        body: List[Statement] = func.body.body
        everywhere = body
    elif e.kind == GDEF and e.fullname == f"{tree.fullname}.{e.name}":
        body = everywhere = tree.defs
    else:
        return None
    try:
        return _starred(e, body, everywhere, lookup)
    except RecursionError:
        return None


def _starred(e: NameExpr, body: List[Statement], everywhere: List[Statement], lookup: Any
             ) -> Optional[List[Type]]:
    found = [st for st in body if isinstance(st, AssignmentStmt) and len(st.lvalues) == 1
             and isinstance(st.lvalues[0], (TupleExpr, ListExpr)) and any(
                 isinstance(t, StarExpr) and isinstance(t.expr, NameExpr) and t.expr.node is
                 e.node for t in st.lvalues[0].items)]
    if len(found) != 1 or found[0].line >= e.line:
        return None
    binding = found[0]
    targets = binding.lvalues[0].items  # type: ignore[attr-defined]
    at = [k for k, t in enumerate(targets) if isinstance(t, StarExpr)][0]
    read: Set[int] = {id(targets[at].expr)}  # (the mentions allowed: the target, ``*lead``)
    mentions: List[NameExpr] = []
    for st in walk(everywhere):
        for x in get_subexpressions(st):
            if isinstance(x, CallExpr):
                read.update(id(a) for a, k in zip(x.args, x.arg_kinds) if k == ARG_STAR)
            elif isinstance(x, NameExpr) and x.name == e.name and x.node in (e.node, None):
                mentions.append(x)  # (another scope's own ``lead`` is another name)
    if any(id(x) not in read for x in mentions):
        return None  # (bound again, ``lead.append(8)``, ``f(lead)``, ``lead[0] = 4``)
    t = get_proper_type(lookup(binding.rvalue))
    if not isinstance(t, TupleType) or any(isinstance(i, UnpackType) for i in t.items) or \
            len(t.items) < len(targets) - 1:
        return None
    return list(t.items[at:len(t.items) - (len(targets) - at - 1)])
