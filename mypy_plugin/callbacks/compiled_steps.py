"""A lambda given to ``tf.compile``: its body checked where the compiled step is called.

A training step is often compiled from a lambda::

    step = tf.compile(lambda m, xb, yb: tf.withgradient(lambda m: tf.losses.mse(m(xb), yb), m))
    value, (g,) = step(model, x, y)

``tf.compile`` returns a ``Compiled[P, R]`` called with the lambda's own signature, whose
parameters are unannotated: mypy checks the body once, with every parameter ``Any``. At a
call of a compiled step traced to the ``tf.compile(<lambda>)`` that built it (the call
itself, or a name bound once to it in the module or in the function being checked:
flow_names.single_binding), :func:`compiled_call_hook` infers the lambda's body again with
each parameter typed as the call's argument, as the run time calls it (a lambda inside it
given to ``tf.withgradient`` then takes the model's type: lambda_context.py). A ``[shape]``
error only these types give is reported at the call, where the run time raises it; any
other message, and nothing is (the types stay mypy's).

>>> COMPILE
'typedflux.compiler.api.compile'
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Set, Tuple

from mypy.checker import LocalTypeMap
from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    LDEF,
    CallExpr,
    Expression,
    LambdaExpr,
    NameExpr,
    RefExpr,
    Var,
)
from mypy.plugin import MethodContext
from mypy.server.subexpr import get_subexpressions
from mypy.types import AnyType, Type, get_proper_type

from mypy_plugin.codes import SHAPE
from mypy_plugin.flow_names import single_binding

__all__ = ["compiled_call_hook", "COMPILE", "COMPILED_CALL"]

COMPILE = "typedflux.compiler.api.compile"
COMPILED_CALL = "typedflux.compiler.api.Compiled.__call__"


def _compiled_lambda(chk: Any, callee: Expression) -> Optional[LambdaExpr]:
    """The lambda of the ``tf.compile(<lambda>)`` the called value was built by."""
    e = callee
    if isinstance(e, NameExpr) and isinstance(e.node, Var):
        tree = getattr(chk, "tree", None)
        func = chk.scope.current_function() if e.kind == LDEF else None
        found = single_binding(e, tree, func) if tree is not None else None
        if found is None:
            return None
        e = found[0].rvalue
    if not (isinstance(e, CallExpr) and isinstance(e.callee, RefExpr)
            and getattr(e.callee.node, "fullname", None) == COMPILE and e.args
            and e.arg_kinds[0] == ARG_POS and isinstance(e.args[0], LambdaExpr)
            and all(k == ARG_NAMED for k in e.arg_kinds[1:])):
        return None
    fn = e.args[0]
    return fn if all(k == ARG_POS for k in fn.arg_kinds) else None


def _messages(chk: Any, fn: LambdaExpr, types: Optional[List[Type]]) -> List[Any]:
    """The messages ``fn``'s body gives with its parameters typed as ``types`` (None: as
    mypy typed them), held back; every type and cache touched is put back."""
    lambdas = [fn] + [x for x in get_subexpressions(fn.body) if isinstance(x, LambdaExpr)]
    saved: List[Tuple[Var, Optional[Type]]] = [
        (a.variable, a.variable.type) for lam in lambdas for a in lam.arguments]
    if types is not None:
        for arg, t in zip(fn.arguments, types):
            arg.variable.type = t
    cache = chk.expr_checker.expr_cache
    chk.expr_checker.expr_cache = {}
    try:
        with LocalTypeMap(chk), chk.msg.filter_errors(save_filtered_errors=True) as watcher:
            chk.expr_checker.accept(fn.expr())
    finally:
        chk.expr_checker.expr_cache = cache
        for var, old in reversed(saved):
            var.type = old
    return list(watcher.filtered_errors())


def compiled_call_hook(then: Callable[[MethodContext], Type]) -> Callable[[MethodContext], Type]:
    """A method hook for ``Compiled.__call__``: the check above, then ``then``.

    >>> callable(compiled_call_hook(lambda ctx: ctx.default_return_type))
    True
    """

    def hook(ctx: MethodContext) -> Type:
        call = ctx.context
        chk = ctx.api
        fn = _compiled_lambda(chk, call.callee) if isinstance(call, CallExpr) and hasattr(
            chk, "expr_checker") else None
        kinds = [k for ks in ctx.arg_kinds for k in ks]
        types = [t for ts in ctx.arg_types for t in ts]
        if fn is not None and kinds == [ARG_POS] * len(fn.arguments) and not all(
                isinstance(get_proper_type(t), AnyType) for t in types):
            _check(ctx, fn, types)
        return then(ctx)

    return hook


def _check(ctx: MethodContext, fn: LambdaExpr, types: List[Type]) -> None:
    chk: Any = ctx.api
    errors = _messages(chk, fn, types)
    if not errors or not all(getattr(e.code, "code", None) == SHAPE.code for e in errors):
        return
    before: Set[str] = {e.message for e in _messages(chk, fn, None)}
    for e in errors:
        if e.message in before:
            continue
        if e.severity == "note":
            chk.note(e.message, ctx.context, code=SHAPE)
        else:
            chk.fail(e.message, ctx.context, code=SHAPE)
