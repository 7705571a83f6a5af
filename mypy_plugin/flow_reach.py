"""Which reads a scope's run reaches, and which names mypy types as their one value.

A run (flow_run.py) gives a read the value its name holds just before the statement holding
it. A read in a branch of ``a if c else b`` that ``c``, known there, rules out never happens
(``h * tf.ones(2, 5)`` of ``... if use_small else h * tf.ones(2, 5)`` with ``use_small``
True): :func:`untaken` says so, and the run gives it nothing. A module-level name bound once
in its module holds what it was bound to wherever it is read, so mypy's type of it is its
value's (:func:`global_once`: ``pool = MaxPool((2, 2))`` read in a function).

>>> from mypy.nodes import NameExpr, PassStmt
>>> untaken(lambda c: None, PassStmt(), PassStmt()), global_once(None, NameExpr("x"))
(False, False)
"""

from __future__ import annotations

from typing import Any, Callable

from mypy.nodes import GDEF, ConditionalExpr, Expression, MypyFile, NameExpr, Node, Statement
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.module_constants import bound_once

__all__ = ["untaken", "global_once"]


def untaken(value: Callable[[Expression], Any], st: Statement, target: Node) -> bool:
    """Whether ``target`` is in a branch of ``a if c else b`` in ``st`` that ``c`` (its value
    by ``value``, where ``st`` runs) rules out."""
    for x in get_subexpressions(st):
        if not isinstance(x, ConditionalExpr):
            continue
        c = value(x.cond)
        if c is True and any(s is target for s in get_subexpressions(x.else_expr)):
            return True
        if c is False and any(s is target for s in get_subexpressions(x.if_expr)):
            return True
    return False


def global_once(chk: Any, x: NameExpr) -> bool:
    """Whether ``x`` names a module-level name of the module ``chk`` checks, bound once in it."""
    tree = getattr(chk, "tree", None)
    return x.kind == GDEF and isinstance(tree, MypyFile) and \
        x.fullname == f"{tree.fullname}.{x.name}" and x.name in bound_once(tree)
