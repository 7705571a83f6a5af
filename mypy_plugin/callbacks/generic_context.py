"""A generic function's call at an annotation: its type variables from the arguments.

``def first(xs: Sequence[T]) -> T``, then ``a: Tensor[3, 5] = first([x])`` with ``x`` a
``Tensor[3, 4]``: mypy infers ``T`` from the annotation the call meets *before* it looks at
the arguments, so ``T`` is ``Tensor[3, 5]`` and the list display is a ``[list-item]`` error
in ``Literal[...]`` words. This signature hook step runs where that happens (a generic
callee whose return type mentions its type variables, at a return, an annotated assignment
or a yield of a tensor type): it infers the type variables from the arguments alone, as
mypy does where no annotation is met, and when the call's type is then a tensor whose shape
provably differs from the annotation's, *and* mypy's inference from the annotation would
reject the arguments, it hands mypy the signature with those types applied. The arguments
then fit, and the call's own hook reports the boundary in shape words (``Assigned shape
Tensor[3, 4] does not match the annotation Tensor[3, 5] of "a": axis 1 is 4, expected 5``).
Anything else keeps mypy's own inference and errors (a list of ints stays ``[list-item]``).

>>> callable(from_arguments)
True
"""

from __future__ import annotations

from typing import Any, List, Optional, Union

from mypy.argmap import map_actuals_to_formals
from mypy.expandtype import freshen_function_type_vars
from mypy.nodes import ARG_POS, CallExpr
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.subtypes import is_subtype
from mypy.typeops import get_all_type_vars
from mypy.types import CallableType, Type

from mypy_plugin import translate
from mypy_plugin.callbacks.boundaries import declared_tensor
from mypy_plugin.callbacks.boundary_index import boundary_of
from typedflux.shapes.bind import Mismatch, rigid_mismatch

__all__ = ["from_arguments"]

SigContext = Union[FunctionSigContext, MethodSigContext]


def _annotation(ctx: SigContext, sig: CallableType) -> Optional[Type]:
    """The tensor annotation a call of the generic ``sig`` meets at a boundary, when mypy
    would infer the call's type variables from it; ``None`` otherwise (most calls: cheap)."""
    if not sig.variables:
        return None
    contexts = getattr(ctx.api, "type_context", None)
    expected = contexts[-1] if contexts else None
    if expected is None:
        return None
    declared = declared_tensor(expected)
    if declared is None:
        return None
    own = {v.id for v in sig.variables}
    if not any(v.id in own for v in get_all_type_vars(sig.ret_type)):
        return None
    if not isinstance(ctx.context, CallExpr) or boundary_of(ctx.api, ctx.context) is None:
        return None
    return declared


def from_arguments(ctx: SigContext, sig: CallableType) -> CallableType:
    """``sig`` with its type variables inferred from the call's arguments alone, where the
    annotation the call meets would otherwise make a shape difference an argument error;
    ``sig`` itself everywhere else.

    >>> from_arguments.__name__
    'from_arguments'
    """
    declared = _annotation(ctx, sig)
    checker = getattr(ctx.api, "expr_checker", None)
    call = ctx.context
    if declared is None or checker is None or not isinstance(call, CallExpr):
        return sig
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        callee = freshen_function_type_vars(sig).with_unpacked_kwargs().with_normalized_var_args()
        actual_types: List[Any] = [checker.accept(a) for a in call.args]
        formal_to_actual = map_actuals_to_formals(
            call.arg_kinds, call.arg_names, callee.arg_kinds, callee.arg_names,
            lambda i: actual_types[i],
        )
        applied = checker.infer_function_type_arguments(
            callee, call.args, call.arg_kinds, call.arg_names, formal_to_actual, False, call
        )
        annotated = checker.infer_function_type_arguments_using_context(callee, call)
    if not isinstance(applied, CallableType) or applied.variables:
        return sig  # a type variable the arguments do not fix
    got = translate.shape_of(applied.ret_type)
    pattern = translate.shape_of(declared)
    if got is None or pattern is None or is_subtype(applied.ret_type, declared):
        return sig
    if not isinstance(rigid_mismatch(pattern, got), Mismatch):
        return sig  # nothing provable (an unknown dim): mypy's own inference decides
    if not _rejected(annotated, formal_to_actual, call, actual_types):
        return sig
    return applied


def _rejected(
    annotated: Any, formal_to_actual: List[List[int]], call: CallExpr, actual_types: List[Any]
) -> bool:
    """Whether mypy, with the type variables taken from the annotation, rejects an argument
    (so the call is an error either way, and saying it in shape words reports nothing new).
    Only plain positional or keyword arguments against fully solved parameters are judged;
    anything else counts as not rejected (mypy's own inference stays)."""
    if not isinstance(annotated, CallableType) or annotated.variables:
        return False
    rejected = False
    for i, actuals in enumerate(formal_to_actual):
        for j in actuals:
            if call.arg_kinds[j] not in (ARG_POS,) and not call.arg_kinds[j].is_named():
                return False
            if not is_subtype(actual_types[j], annotated.arg_types[i]):
                rejected = True
    return rejected
