"""Helper functions that build layers: ``block(3, 32)`` of ``def block(cin, cout) -> Chain``.

Model code builds its repeated parts with helpers (VGG's conv blocks, U-Net's double conv,
MobileNet's ``conv_bn(inp, oup, stride)``) whose parameters are plain ``int``s and whose
return annotation is a bare ``Chain`` (or none). Their type says nothing about sizes, so a
model built from them loses every size there. At a call whose arguments are known ints
(literals, ``Final`` or module constants), :func:`factory_result` infers the helper's one
``return`` expression again with each parameter typed as its argument's value — what the
run time computes for those arguments — and the call gets that layer type.

Soundness: only a plain (undecorated, not a generator) ``def`` whose body is one ``return``
of a typedflux layer; the re-inference runs in a scratch type map with every message held
back. When the helper cannot build its layers for these ints (its ``[shape]`` errors only),
those errors are reported at the call, where the run time raises them; any other message,
any non-layer result or a result that is not a subtype of the declared return type leaves
mypy's type as it was. Helpers calling helpers nest up to
:data:`DEPTH`.

>>> factory_result(object()) is None
True
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from mypy.checker import LocalTypeMap
from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    FUNC_NO_INFO,
    CallExpr,
    Expression,
    ExpressionStmt,
    FuncDef,
    NameExpr,
    ReturnStmt,
    StrExpr,
    Var,
)
from mypy.subtypes import is_subtype
from mypy.types import AnyType, Instance, LiteralType, Type, get_proper_type

from mypy_plugin.callbacks.common import type_lookup
from mypy_plugin.codes import SHAPE
from mypy_plugin.values import NotStatic, static_int

__all__ = ["factory_result", "DEPTH"]

DEPTH = 8  # helpers calling helpers, at most (beyond: mypy's type)
_ACTIVE: List[int] = [0]


def _returned(func: FuncDef) -> Optional[Expression]:
    stmts = list(func.body.body)
    if len(stmts) == 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]  # a docstring
    if len(stmts) != 1 or not isinstance(stmts[0], ReturnStmt) or stmts[0].expr is None:
        return None
    return stmts[0].expr


def _is_layer(t: Type) -> bool:
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.fullname.startswith("typedflux.layers.")


def _value_type(t: Type) -> Type:
    """``Literal[3]?`` (an int literal's inferred type) as ``Literal[3]``."""
    p = get_proper_type(t)
    if isinstance(p, Instance) and p.last_known_value is not None:
        return p.last_known_value
    return t


def _known(t: Type) -> bool:
    p = get_proper_type(t)
    return isinstance(p, LiteralType) or (isinstance(p, Instance) and p.args == () and
                                          p.last_known_value is not None)


def factory_result(ctx: Any) -> Optional[Type]:
    """The layer type a helper's call builds for its arguments, or None (mypy's type).

    ``ctx`` is a mypy ``FunctionContext`` for a call of a user function."""
    call = getattr(ctx, "context", None)
    if not isinstance(call, CallExpr) or not isinstance(call.callee, NameExpr):
        return None
    func = call.callee.node
    if not isinstance(func, FuncDef) or func.is_generator or func.is_coroutine:
        return None
    if func.is_decorated or func.info is not FUNC_NO_INFO:
        return None  # (a method: its ``self`` is a value this does not bind)
    default = ctx.default_return_type
    if not (_is_layer(default) or isinstance(get_proper_type(default), AnyType)):
        return None
    expr = _returned(func)
    if expr is None or not isinstance(expr, CallExpr) or _ACTIVE[0] >= DEPTH:
        return None
    chk = ctx.api
    if any(k not in (ARG_POS, ARG_NAMED) for k in call.arg_kinds):
        return None
    bound: List[Tuple[Var, Optional[Type]]] = []
    values: List[Type] = []
    with LocalTypeMap(chk):
        for i, arg in enumerate(func.arguments):
            if arg.kind not in (ARG_POS, ARG_NAMED) and not arg.kind.is_optional():
                return None
            types = ctx.arg_types[i] if i < len(ctx.arg_types) else []
            if len(types) == 1:
                values.append(_static(chk, ctx.args[i][0], _value_type(types[0])))
            elif not types and arg.initializer is not None:
                with chk.msg.filter_errors():
                    values.append(_value_type(chk.expr_checker.accept(arg.initializer)))
            else:
                return None
    if not any(_known(v) for v in values):
        return None  # nothing more known than the helper's own annotations say
    for arg, value in zip(func.arguments, values):
        bound.append((arg.variable, arg.variable.type))
        arg.variable.type = value
    _ACTIVE[0] += 1
    # mypy caches a call's type by its node: the helper's nodes are the same at every call,
    # so the re-inference runs with a scratch cache (and the real one is put back).
    cache = chk.expr_checker.expr_cache
    chk.expr_checker.expr_cache = {}
    try:
        with LocalTypeMap(chk), chk.msg.filter_errors(save_filtered_errors=True) as watcher:
            result: Type = chk.expr_checker.accept(expr)
    finally:
        _ACTIVE[0] -= 1
        chk.expr_checker.expr_cache = cache
        for var, old in bound:
            var.type = old
    if watcher.has_new_errors():
        _report_at_call(ctx, watcher.filtered_errors())
        return None
    if not _is_layer(result):
        return None
    if not is_subtype(result, default):
        return None
    return result


def _report_at_call(ctx: Any, errors: List[Any]) -> None:
    """The helper cannot build its layers for these arguments: its ``[shape]`` errors are
    proven for this call, so they are reported at it (as the run time raises there). Any
    other message (not a shape proof) and nothing is reported: mypy's type stands."""
    if not errors or not all(getattr(e.code, "code", None) == SHAPE.code for e in errors):
        return
    for e in errors:
        if e.severity == "note":
            ctx.api.note(e.message, ctx.context, code=SHAPE)
        else:
            ctx.api.fail(e.message, ctx.context, code=SHAPE)


def _static(chk: Any, e: Expression, t: Type) -> Type:
    """An argument's type, as a literal when its value is static but typed ``int``
    (``2 * W`` of a ``Final`` ``W``, a module constant)."""
    if _known(t):
        return t
    p = get_proper_type(t)
    if not (isinstance(p, Instance) and p.type.fullname == "builtins.int"):
        return t
    v = static_int(e, type_lookup(chk))
    return t if isinstance(v, NotStatic) else LiteralType(v, p)
