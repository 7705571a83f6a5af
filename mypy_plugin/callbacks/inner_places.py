"""Values inside expressions that meet an annotation where no statement shows it: a lambda
given as a call's argument (its returned value meets the parameter's ``Callable``), a
walrus's value (``(h := layer(x))`` with ``h`` declared: it meets ``h``'s annotation), and
the call an argument mypy reports belongs to (:data:`call_arguments`: an overloaded
function's, ``overload_boundaries.py``; a callable read from a container, named by its text).

``boundary_index`` indexes boundaries by statement (a ``return``, an assignment), which is
cheap enough to build for every file. These sit anywhere in an expression, so finding them
walks every expression of the file: done only when a value provably differs from its type
context and no statement boundary holds it (then mypy would report it in ``Literal`` words),
once per file.

>>> from mypy.nodes import AssignmentExpr, ExpressionStmt, IntExpr, MypyFile, NameExpr
>>> value = IntExpr(1)
>>> walrus = AssignmentExpr(NameExpr("h"), value)
>>> inner_places(MypyFile([ExpressionStmt(walrus)], []))[id(value)] == (walrus, -1)
True
"""

from __future__ import annotations

from typing import Dict, Iterator, List, Optional, Tuple, Union

from mypy.nodes import (
    AssignmentExpr, AssignmentStmt, AwaitExpr, CallExpr, ComparisonExpr, ConditionalExpr,
    DictExpr, Expression, ExpressionStmt, ForStmt, FuncDef, GeneratorExpr, IfStmt, IndexExpr,
    LambdaExpr, ListComprehension, ListExpr, MemberExpr, MypyFile, OpExpr,
    OperatorAssignmentStmt, ReturnStmt, SetComprehension, SetExpr, StarExpr, TupleExpr,
    UnaryExpr, WhileStmt, WithStmt,
)

from mypy_plugin.statements import PerTree, walk

__all__ = ["inner_places", "call_arguments", "lambda_return"]

# A value's place: (the call, the lambda's argument position) for a lambda's returned value,
# (the walrus, -1) for a walrus's value.
Place = Tuple[Union[CallExpr, AssignmentExpr], int]

# A bound on the expressions visited in one file (a generated file of huge expressions).
_MOST = 200_000


def lambda_return(e: LambdaExpr) -> Optional[Expression]:
    """The expression a lambda returns (its body is one ``return`` statement)."""
    body = e.body.body
    return body[0].expr if len(body) == 1 and isinstance(body[0], ReturnStmt) else None


def _expressions(tree: MypyFile) -> Iterator[Expression]:
    """Every expression of ``tree`` a value of interest here may sit in: a plain walk over
    statements and the expressions they hold (mypy's compiled visitors cannot be subclassed
    here)."""
    exprs: List[Expression] = []
    for stmt in walk(tree.defs):
        if isinstance(stmt, (ExpressionStmt, ReturnStmt)) and stmt.expr is not None:
            exprs.append(stmt.expr)
        elif isinstance(stmt, (AssignmentStmt, OperatorAssignmentStmt)):
            exprs.append(stmt.rvalue)
        elif isinstance(stmt, (ForStmt, WhileStmt)):
            exprs.append(stmt.expr)
        elif isinstance(stmt, (IfStmt, WithStmt)):
            exprs.extend(stmt.expr)
        elif isinstance(stmt, FuncDef):
            exprs.extend(a.initializer for a in stmt.arguments if a.initializer is not None)
    seen = 0
    while exprs and seen < _MOST:
        seen += 1
        e = exprs.pop()
        yield e
        if isinstance(e, CallExpr):
            exprs.append(e.callee)
            exprs.extend(e.args)
        elif isinstance(e, AssignmentExpr):
            exprs.append(e.value)
        elif isinstance(e, LambdaExpr):
            body = lambda_return(e)
            if body is not None:
                exprs.append(body)
        elif isinstance(e, (TupleExpr, ListExpr, SetExpr)):
            exprs.extend(e.items)
        elif isinstance(e, DictExpr):
            exprs.extend(v for _, v in e.items)
        elif isinstance(e, ConditionalExpr):
            exprs.extend((e.cond, e.if_expr, e.else_expr))
        elif isinstance(e, OpExpr):
            exprs.extend((e.left, e.right))
        elif isinstance(e, ComparisonExpr):
            exprs.extend(e.operands)
        elif isinstance(e, (MemberExpr, StarExpr, UnaryExpr, AwaitExpr)):
            exprs.append(e.expr)
        elif isinstance(e, IndexExpr):
            exprs.extend((e.base, e.index))
        elif isinstance(e, (ListComprehension, SetComprehension)):
            exprs.append(e.generator)
        elif isinstance(e, GeneratorExpr):
            exprs.append(e.left_expr)
            exprs.extend(e.sequences)
            exprs.extend(c for conds in e.condlists for c in conds)


def _read(tree: MypyFile) -> Dict[int, Place]:
    """Every lambda argument's returned value and walrus value in ``tree`` -> its place."""
    found: Dict[int, Place] = {}
    for e in _expressions(tree):
        if isinstance(e, CallExpr):
            for i, arg in enumerate(e.args):
                body = lambda_return(arg) if isinstance(arg, LambdaExpr) else None
                if body is not None:
                    found[id(body)] = (e, i)
        elif isinstance(e, AssignmentExpr):
            found[id(e.value)] = (e, -1)
    return found


def _arguments(tree: MypyFile) -> Dict[Tuple[int, int], Tuple[CallExpr, int]]:
    """Where each argument of a call in ``tree`` starts -> (the call, its position)."""
    found: Dict[Tuple[int, int], Tuple[CallExpr, int]] = {}
    for e in _expressions(tree):
        if isinstance(e, CallExpr):
            for i, arg in enumerate(e.args):
                found[(arg.line, arg.column)] = (e, i)
    return found


# The last few files' places (read again when the daemon gives a file new statements).
inner_places: PerTree[Dict[int, Place]] = PerTree(_read, keep=8, on_error=dict)
# Asked at mypy's [arg-type] error on an argument (its position): which call it is of.
call_arguments: PerTree[Dict[Tuple[int, int], Tuple[CallExpr, int]]] = \
    PerTree(_arguments, keep=8, on_error=dict)
