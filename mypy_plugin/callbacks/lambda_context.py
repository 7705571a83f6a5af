"""A lambda given to ``tf.gradient``/``tf.withgradient``/``tf.train`` takes the model's type.

``tf.gradient(f, *args)`` calls ``f(*args)``, and ``tf.train(loss, model, data, state)``
calls ``loss(model, *batch)`` for each batch of ``data``; their annotations say only
``Callable[..., Any]``, so mypy gives a lambda's parameters the type ``Any`` and the loss
inside it (``lambda m: tf.losses.mse(m(x), y)``) goes unchecked. This signature hook hands
mypy, for a lambda written in the call, ``Callable[[<the types of the arguments it will
get>], Any]``: mypy then infers the lambda's parameters from it, and the body is checked as if
written with the model itself. ``f``'s other arguments are read where mypy already knows
their type without evaluating anything again: a name (a variable, a parameter, a loop
variable); for ``tf.train``, a batch of a ``DataLoader((x, y), ...)`` written in the call is
what the loop ``for xb, yb in DataLoader(...)`` gives (mypy_plugin/callbacks/batches.py).
Anything else is ``Any``, as before, and a function that is not a lambda keeps its own type.

A named function given there (the README's ``def loss(m, x, y): return
tf.losses.logitcrossentropy(m(x), y)``, unannotated, so mypy does not check its body)
whose body is one ``return`` has that expression inferred again at the call, each parameter
typed as the argument it will get (:func:`named_function_check`): a ``[shape]`` error that
only these types give is reported on its line in the function, where the run time raises.

>>> sorted(LAMBDA_TAKERS)[0]
'typedflux.engine.grad.gradient'
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS,
    Context,
    Expression,
    ExpressionStmt,
    FuncDef,
    LambdaExpr,
    MemberExpr,
    NameExpr,
    ReturnStmt,
    StrExpr,
    Var,
)
from mypy.plugin import FunctionSigContext
from mypy.types import AnyType, CallableType, FunctionLike, Type, TypeOfAny, get_proper_type

from mypy_plugin.callbacks.batches import batch_types
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.codes import SHAPE
from mypy_plugin.flow_typed import typed
from mypy_plugin.flow_values import Item
from mypy_plugin import per_build

__all__ = ["LAMBDA_TAKERS", "lambda_context_hook", "named_function_check", "one_return"]

# function -> (index of the function argument, the arguments it is called with): "args"
# for gradient's ``*args``, "train" for ``(model, *batch)``.
LAMBDA_TAKERS = {
    "typedflux.engine.grad.gradient": "args",
    "typedflux.engine.grad.withgradient": "args",
    "typedflux.optimise.train.train": "train",
}


def _known(e: Expression) -> Type:
    """The type mypy holds for a name (or ``self.attr``), without checking ``e`` again."""
    node = e.node if isinstance(e, (NameExpr, MemberExpr)) else None
    if isinstance(node, Var) and node.type is not None:
        return node.type
    return AnyType(TypeOfAny.special_form)


def _flat(groups: List[List[Expression]]) -> List[Expression]:
    return [e for g in groups for e in g]


def _argument_types(ctx: FunctionSigContext, kind: str, n: int) -> Optional[List[Type]]:
    """The types of the ``n`` arguments the function argument will be called with, or None
    (not known)."""
    if kind == "args":
        types = [_known(e) for e in _flat(ctx.args[1:])]
    else:  # train(loss, model, data, state, ...): loss(model, *batch)
        if len(ctx.args) < 3 or len(ctx.args[1]) != 1 or len(ctx.args[2]) != 1:
            return None
        batch = batch_types(ctx.api, ctx.args[2][0], _known)
        if batch is None or len(batch) != n - 1:
            batch = [AnyType(TypeOfAny.special_form)] * (n - 1)
        types = [_known(ctx.args[1][0]), *batch]
    if len(types) != n or all(isinstance(get_proper_type(t), AnyType) for t in types):
        return None
    return types


def _lambda_types(ctx: FunctionSigContext, kind: str) -> Optional[List[Type]]:
    """The types the lambda's parameters take, or None (not a lambda, or not known)."""
    if not ctx.args or len(ctx.args[0]) != 1 or not isinstance(ctx.args[0][0], LambdaExpr):
        return None
    fn = ctx.args[0][0]
    if any(k != ARG_POS for k in fn.arg_kinds):
        return None
    return _argument_types(ctx, kind, len(fn.arg_kinds))


def lambda_context_hook(
    kind: str, then: Callable[[FunctionSigContext], FunctionLike]
) -> Callable[[FunctionSigContext], FunctionLike]:
    """The signature hook for a function in :data:`LAMBDA_TAKERS` (``kind`` its value):
    the lambda argument's type made from what it will be called with, then ``then``.

    >>> callable(lambda_context_hook("args", lambda ctx: ctx.default_signature))
    True
    """

    def hook(ctx: FunctionSigContext) -> FunctionLike:
        sig = ctx.default_signature
        named_function_check(ctx, kind)
        types = _lambda_types(ctx, kind)
        if types is not None and sig.arg_types:
            given = get_proper_type(sig.arg_types[0])
            if isinstance(given, CallableType):
                f = given.copy_modified(
                    arg_types=types, arg_kinds=[ARG_POS] * len(types),
                    arg_names=[None] * len(types), is_ellipsis_args=False,
                )
                sig = sig.copy_modified(arg_types=[f, *sig.arg_types[1:]])
                ctx = ctx._replace(default_signature=sig)
        return then(ctx)

    return guarded("lambda context", hook, lambda ctx: ctx.default_signature)


_KEEP = 256  # calls remembered per pass
_CHECKED: Dict[Tuple[int, int], Any] = {}
per_build.forget_each_build(_CHECKED)  # (holds mypy nodes: this build's only)


def one_return(func: FuncDef) -> Optional[Expression]:
    """The expression of a body that is one ``return`` (after a docstring), else None.

    >>> from mypy.nodes import Block, IntExpr, ReturnStmt
    >>> one_return(FuncDef("f", [], Block([ReturnStmt(IntExpr(1))]))).value
    1
    """
    try:
        stmts = list(func.body.body)
    except AttributeError:  # (read from mypy's cache: no body)
        return None
    if len(stmts) == 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]
    if len(stmts) != 1 or not isinstance(stmts[0], ReturnStmt):
        return None
    return stmts[0].expr


def named_function_check(ctx: FunctionSigContext, kind: str) -> None:
    """At ``tf.train(loss, model, data, state)`` (or ``tf.gradient(f, model)``) of a plain
    one-return ``def``: the ``[shape]`` errors its body gives with its parameters typed as
    the arguments this call gives it, and not with their declared types, reported in the
    body. Anything not read here reports nothing.

    >>> callable(named_function_check)
    True
    """
    e = ctx.args[0][0] if ctx.args and len(ctx.args[0]) == 1 else None
    if not isinstance(e, NameExpr):
        return
    func = e.node
    if not isinstance(func, FuncDef) or func.is_decorated or func.is_generator or \
            func.is_coroutine or any(k != ARG_POS for k in func.arg_kinds):
        return
    ret = one_return(func)
    chk: Any = ctx.api  # (the checker: it reports notes too)
    call = ctx.context
    key = (id(call), getattr(chk, "pass_num", 0))
    if ret is None or _CHECKED.get(key) is call:
        return
    if len(_CHECKED) >= _KEEP:
        del _CHECKED[next(iter(_CHECKED))]
    _CHECKED[key] = call
    types = _argument_types(ctx, kind, len(func.arguments))
    if types is None:
        return
    env: Dict[Var, Any] = {a.variable: Item(t, e) for a, t in zip(func.arguments, types)
                           if not isinstance(get_proper_type(t), AnyType)}
    try:
        declared = {(m.line, m.column, m.message) for m in typed(chk, ret, {})[1]}
        errors = typed(chk, ret, env)[1]
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is reported
        return
    if not all(getattr(m.code, "code", None) == SHAPE.code for m in errors):
        return  # (not a shape proof: another type error says these arguments do not fit)
    for m in errors:
        if (m.line, m.column, m.message) not in declared:
            report = chk.note if m.severity == "note" else chk.fail
            report(m.message, Context(m.line, m.column), code=SHAPE)
