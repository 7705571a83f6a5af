"""A connection that only forwards its inputs to one typedflux op, read from its source:
``Parallel(lambda a, b: tf.cat(a, b, axis=1), ...)``.

A lambda's rule is its body (``callbacks/bodies.py``), which says nothing where a container
is built: the run time runs no user code there. A body that is one call of a typedflux op on
the parameters in order (``tf.cat(a, b)``, or one list of them, ``tf.concat([a, b])``) with
constant keywords (``axis=1``) is the op's rule with those keywords
(``compose.forwarded_connection_rule``), as the run time reads the same function from its
code object (``typedflux/layers/forwarded.py``): both check the container where it is built,
in the same words. The same conditions hold on both sides: plain positional parameters with
no default or annotation, every one given once in order, keywords an int or a bool.

>>> from mypy.types import AnyType, TypeOfAny
>>> forwarded_join(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from typing import Dict, Optional

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    ARG_STAR,
    GDEF,
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    FuncItem,
    IntExpr,
    LambdaExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    RefExpr,
    TupleExpr,
    UnaryExpr,
)
from mypy.types import CallableType, Type, get_proper_type

from mypy_plugin.callbacks.lambda_context import one_return
from mypy_plugin.routing import ROUTES
from typedflux.shapes import compose
from typedflux.shapes.compose import JoinRule

__all__ = ["forwarded_join"]


def forwarded_join(t: Type) -> Optional[JoinRule]:
    """The join rule of a lambda or one-return ``def`` that only forwards its parameters to
    a typedflux op (see the module docstring); None for anything else."""
    p = get_proper_type(t)
    if not isinstance(p, CallableType):
        return None
    d = p.definition
    if not isinstance(d, FuncItem) or isinstance(d, Decorator):
        return None
    body = _returned(d)
    if not isinstance(body, CallExpr) or not isinstance(body.callee, RefExpr):
        return None
    if not d.arguments or any(k != ARG_POS for k in d.arg_kinds) or any(
            a.initializer is not None or a.type_annotation is not None for a in d.arguments):
        return None
    route = ROUTES.by_function_fullname.get(body.callee.fullname)
    if route is None or not _global_name(body.callee):
        return None
    positional = [a for a, k in zip(body.args, body.arg_kinds) if k == ARG_POS]
    if any(k not in (ARG_POS, ARG_NAMED) for k in body.arg_kinds):
        return None
    display = len(positional) == 1 and isinstance(positional[0], (ListExpr, TupleExpr))
    given = positional[0].items if display else positional
    params = [a.variable for a in d.arguments]
    if len(given) != len(params) or any(
            not isinstance(e, NameExpr) or e.node is not v for e, v in zip(given, params)):
        return None
    if display == _takes_var_positional(body.callee):
        return None  # (``tf.concat(a, b)`` for a list parameter: not the op's own call)
    keywords: Dict[str, object] = {}
    for e, k, name in zip(body.args, body.arg_kinds, body.arg_names):
        if k == ARG_NAMED:
            value = _constant(e)
            if name is None or value is None:
                return None
            keywords[name] = value
    return compose.forwarded_connection_rule(route.spec, keywords, len(params))


def _returned(d: FuncItem) -> Optional[Expression]:
    """A lambda's expression, or a plain ``def``'s one ``return`` value (a docstring aside)."""
    if isinstance(d, LambdaExpr):
        return d.expr()
    if not isinstance(d, FuncDef) or d.is_generator or d.is_coroutine or d.is_decorated:
        return None
    return one_return(d)


def _global_name(callee: RefExpr) -> bool:
    """Whether the op is named through a module-level name (``tf.cat``, ``cat``): one read
    inside a function (``import typedflux as tf`` there) is a closure's cell to the run time,
    which does not read closures."""
    base: Expression = callee
    while isinstance(base, MemberExpr):
        base = base.expr
    return isinstance(base, NameExpr) and base.kind == GDEF


def _takes_var_positional(callee: RefExpr) -> bool:
    node = callee.node
    func = node.func if isinstance(node, Decorator) else node
    return isinstance(func, FuncDef) and bool(func.arg_kinds) and func.arg_kinds[0] == ARG_STAR


def _constant(e: Expression) -> object:
    """An int or bool written as a constant (``1``, ``-1``, ``True``), as the run time's
    code object holds it; None for anything else."""
    if isinstance(e, IntExpr):
        return e.value
    if isinstance(e, UnaryExpr) and e.op in ("-", "+") and isinstance(e.expr, IntExpr):
        return -e.expr.value if e.op == "-" else e.expr.value
    if isinstance(e, NameExpr) and e.fullname in ("builtins.True", "builtins.False"):
        return e.fullname == "builtins.True"
    return None
