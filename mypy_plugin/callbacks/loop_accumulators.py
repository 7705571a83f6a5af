"""Accumulators a loop rebinds from its own variable: ``out = tf.zeros(1, 32)``, then ``for v
in levels: out = out + v`` (or ``out += v``), then ``return out``.

Under ``allow_redefinition`` mypy types ``out`` at the ``return`` as the union of its first
type and the loop's (``Tensor[1, 32] | Tensor[B, 32]``) and reports the union against the
annotation (``[return-value]``, in ``Literal`` words), though the function is correct for
every call: each pass computes the value from the loop variable, so how many passes run
decides the shape. Such an error is dropped when a member of the union fits the annotation;
an accumulator no member of which fits (wrong on every path) keeps mypy's error.
``bare_values.loop_rebound`` asks this for the names it does not find rebound by a call of
the loop variable.

>>> from mypy_plugin.callbacks.loop_accumulators import accumulated
>>> callable(accumulated)
True
"""

from __future__ import annotations

from typing import Optional

from mypy.nodes import (
    AssignmentStmt, Expression, ForStmt, FuncDef, NameExpr, OperatorAssignmentStmt, Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.subtypes import is_subtype
from mypy.types import Type, UnionType, get_proper_type

from mypy_plugin.statements import walk

__all__ = ["accumulated"]


def accumulated(func: FuncDef, var: Var, declared: Type) -> bool:
    """Whether ``var`` (a name mypy typed as a union of tensors) is rebound in a ``for`` loop
    of ``func`` by a value computed from the loop's own variable, and some member of its
    union fits ``declared`` (the annotation it meets)."""
    union = get_proper_type(var.type) if var.type is not None else None
    if not isinstance(union, UnionType) or not any(is_subtype(i, declared) for i in union.items):
        return False
    for loop in walk(func.body.body, scopes=False):
        if not isinstance(loop, ForStmt):
            continue
        index = {n.node for n in get_subexpressions(loop.index) if isinstance(n, NameExpr)}
        for st in walk(loop.body.body, scopes=False):
            value = rebinding(st, var)
            if value is not None and any(isinstance(n, NameExpr) and n.node in index
                                         for n in get_subexpressions(value)):
                return True
    return False


def rebinding(st: object, var: Var) -> Optional[Expression]:
    """The value ``st`` binds to ``var`` (``var = ...`` or ``var += ...``), else None."""
    if isinstance(st, AssignmentStmt) and any(
            isinstance(lv, NameExpr) and lv.node is var for lv in st.lvalues):
        return st.rvalue
    if isinstance(st, OperatorAssignmentStmt) and isinstance(st.lvalue, NameExpr) \
            and st.lvalue.node is var:
        return st.rvalue
    return None
