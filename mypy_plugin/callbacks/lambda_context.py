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

>>> sorted(LAMBDA_TAKERS)[0]
'typedflux.engine.grad.gradient'
"""

from __future__ import annotations

from typing import Callable, List, Optional

from mypy.nodes import ARG_POS, Expression, LambdaExpr, MemberExpr, NameExpr, Var
from mypy.plugin import FunctionSigContext
from mypy.types import AnyType, CallableType, FunctionLike, Type, TypeOfAny, get_proper_type

from mypy_plugin.callbacks.batches import batch_types
from mypy_plugin.callbacks.common import guarded

__all__ = ["LAMBDA_TAKERS", "lambda_context_hook"]

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


def _lambda_types(ctx: FunctionSigContext, kind: str) -> Optional[List[Type]]:
    """The types the lambda's parameters take, or None (not a lambda, or not known)."""
    if not ctx.args or len(ctx.args[0]) != 1 or not isinstance(ctx.args[0][0], LambdaExpr):
        return None
    fn = ctx.args[0][0]
    if any(k != ARG_POS for k in fn.arg_kinds):
        return None
    if kind == "args":
        given = _flat(ctx.args[1:])
        types = [_known(e) for e in given]
    else:  # train(loss, model, data, state, ...): loss(model, *batch)
        if len(ctx.args) < 3 or len(ctx.args[1]) != 1 or len(ctx.args[2]) != 1:
            return None
        batch = batch_types(ctx.api, ctx.args[2][0], _known)
        rest = len(fn.arg_kinds) - 1
        if batch is None or len(batch) != rest:
            batch = [AnyType(TypeOfAny.special_form)] * rest
        types = [_known(ctx.args[1][0]), *batch]
    if len(types) != len(fn.arg_kinds):
        return None
    if all(isinstance(get_proper_type(t), AnyType) for t in types):
        return None
    return types


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
