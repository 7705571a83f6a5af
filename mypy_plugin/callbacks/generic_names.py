"""A user generic class's instance returned by a bare name bound once, read before its
``return``: mypy's ``[return-value]`` there, in the boundary's words.

``b = Box(x[1:])`` then ``return b`` is checked where the constructor's hook runs
(``generic_boundaries.generic_boundary``: the value assigned to a name the next statement
returns). With statements between (``b = Box(x[1:]); use(b); return b``) no hook runs at the
``return``: mypy reads the name's type and reports ``Incompatible return value type (got
"Box[Literal['B - 1']]", expected "Box[B]")``. The rewording watcher (``reworded.py``) asks
:func:`generic_name_words`: when the name is a variable of the function being checked, bound
in one statement only (an assignment; no loop, ``with`` or walrus binds it again), and
mypy's message is exactly its words for the name's type and the function's return type (so
those are the types it compared), the two are compared type argument by type argument as at
any boundary (``generic_boundaries.boundary_words``): ``Return value Box[B - 1] does not
match the annotation Box[B]: type argument 0 is B - 1, expected B``. Anything else keeps
mypy's error. Static only, as every user generic class's boundary (Python erases type
arguments).

>>> generic_name_words(None, "", None) is None
True
"""

from __future__ import annotations

import re
from typing import Any, Optional, Tuple

from mypy.nodes import (
    AssignmentExpr, AssignmentStmt, ForStmt, FuncDef, ListExpr, NameExpr, OperatorAssignmentStmt,
    ReturnStmt, StarExpr, TupleExpr, Var, WithStmt,
)
from mypy.types import CallableType, get_proper_type

from mypy_plugin.callbacks.generic_boundaries import boundary_words
from mypy_plugin.callbacks.inner_places import inner_places
from mypy_plugin.statements import walk

__all__ = ["generic_name_words"]

# mypy's words at a return whose value's type is not the function's return type.
_RETURN = re.compile(r'Incompatible return value type \(got (?P<got>".+"), expected (?P<want>".+")\)')


def generic_name_words(state: Any, file: str, info: Any) -> Optional[str]:
    """Our words for mypy's ``[return-value]`` error ``info`` at a bare name holding a user
    generic class's instance, or ``None``."""
    m = _RETURN.fullmatch(info.message) if info is not None else None
    if m is None:
        return None
    from mypy.checker_state import checker_state
    from mypy.messages import format_type

    checker = checker_state.type_checker
    func = checker.scope.current_function() if checker is not None and getattr(
        checker, "path", None) == file else None
    if not isinstance(func, FuncDef) or not isinstance(func.type, CallableType):
        return None
    name = _returned_name(func, (info.line, info.column))
    var = name.node if name is not None else None
    declared = func.type.ret_type
    if not isinstance(var, Var) or var.type is None or \
            format_type(var.type, state.options) != m.group("got") or \
            format_type(declared, state.options) != m.group("want"):
        return None  # (not the types mypy's message names)
    tree = state.modules.get(info.module or "")
    if tree is None or not _bound_once(func, var, tree):
        return None
    return boundary_words("return", declared, get_proper_type(var.type))


def _returned_name(func: FuncDef, at: Tuple[int, int]) -> Optional[NameExpr]:
    """The bare name a ``return`` of ``func`` (not of a function inside it) returns at ``at``."""
    for stmt in walk(func.body.body, scopes=False):
        if isinstance(stmt, ReturnStmt) and isinstance(stmt.expr, NameExpr) and \
                (stmt.expr.line, stmt.expr.column) == at:
            return stmt.expr
    return None


def _bound_once(func: FuncDef, var: Var, tree: Any) -> bool:
    """Whether ``var`` is bound by exactly one plain assignment in ``func`` (not a parameter,
    not a ``for``/``with`` target, no augmented assignment, no walrus)."""
    if any(arg.variable is var for arg in func.arguments):
        return False
    count = 0
    for stmt in walk(func.body.body):  # (a nested function's ``nonlocal`` binding counts)
        if isinstance(stmt, AssignmentStmt):
            count += sum(_binds(lv, var) for lv in stmt.lvalues)
        elif isinstance(stmt, OperatorAssignmentStmt) and _binds(stmt.lvalue, var):
            return False
        elif isinstance(stmt, ForStmt) and _binds(stmt.index, var):
            return False
        elif isinstance(stmt, WithStmt) and any(t is not None and _binds(t, var)
                                                for t in stmt.target):
            return False
    walrus = any(isinstance(place[0], AssignmentExpr) and place[0].target.node is var
                 for place in inner_places(tree).values())
    return count == 1 and not walrus


def _binds(target: Any, var: Var) -> bool:
    """Whether the assignment target ``target`` (a name, or a tuple or list of targets)
    binds ``var``."""
    if isinstance(target, NameExpr):
        return target.node is var
    if isinstance(target, (TupleExpr, ListExpr, StarExpr)):
        inner = [target.expr] if isinstance(target, StarExpr) else target.items
        return any(_binds(t, var) for t in inner)
    return False
