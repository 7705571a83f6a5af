"""Calls of user functions with shaped parameters: bind symbolic dims, check, substitute.

mypy binds plain TypeVar dims itself, but it cannot solve ``Tensor["2*N"]`` against a
``Tensor[6]`` (a ``str`` literal against an ``int`` one), and its mismatch messages talk
about types rather than sizes. This signature hook unifies each shaped parameter with its
argument's shape (``typedflux.shapes.bind.Bindings``, the same code ``@shapecheck`` runs),
reports a provable mismatch with code ``shape`` (the runtime's exact words), and hands mypy
the signature with every bound dim substituted. Anything it cannot read is left to mypy.

>>> callable(signature_hook("pkg.f"))
True
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Union

from mypy.nodes import ARG_STAR2, Expression, StarExpr
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.types import AnyType, CallableType, FunctionLike, Type, TypeOfAny

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded, names_in_scope, report_shape_error
from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import ShapeError

__all__ = ["signature_hook", "has_shaped_params", "qualname"]

SigContext = Union[FunctionSigContext, MethodSigContext]


def has_shaped_params(sig: CallableType) -> bool:
    """Cheap pre-check: does any parameter annotation name dims?

    >>> callable(has_shaped_params)  # exercised by tests/typecheck/case_calls.py
    True
    """
    return any(translate.tensor_pattern(t) is not None for t in sig.arg_types)


def qualname(fullname: str, is_method: bool) -> str:
    """How the runtime's ``@shapecheck`` names a function: its ``__qualname__``.

    >>> qualname("pkg.mod.Model.forward", True), qualname("pkg.mod.predict", False)
    ('Model.forward', 'predict')
    """
    parts = fullname.split(".")
    return ".".join(parts[-2:]) if is_method else parts[-1]


def _arg_type(ctx: SigContext, e: Expression) -> Optional[Type]:
    # Arguments are not inferred yet when a signature hook runs: infer this one quietly
    # (mypy infers it again, with its context, right after; its errors are reported then).
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        return ctx.api.get_expression_type(e)


def _check(ctx: SigContext, name: str, report: bool = True) -> CallableType:
    sig = ctx.default_signature
    if not has_shaped_params(sig):
        return sig
    env = Bindings(name)
    names = translate.Names()
    failed: Dict[int, bool] = {}
    for i, formal in enumerate(sig.arg_types):
        pattern = translate.tensor_pattern(formal)
        if pattern is None or i >= len(ctx.args) or sig.arg_kinds[i] == ARG_STAR2:
            continue
        pname = sig.arg_names[i] or f"#{i + 1}"
        for e in ctx.args[i]:
            if isinstance(e, StarExpr):
                continue
            t = _arg_type(ctx, e)
            actual = translate.shape_of(t, names) if t is not None else None
            if actual is None:
                continue
            try:
                env.bind(f'argument "{pname}"', pattern, actual)
            except ShapeError as err:
                if not report:
                    return sig  # an overload item that does not fit: mypy tries the next
                report_shape_error(ctx.api, err, e)
                failed[i] = True
                break
        if failed:
            break
    everything = [*sig.arg_types, sig.ret_type]
    in_strings = translate.string_dim_symbols(everything)
    if not (failed or env.dims or env.stars or in_strings):
        return sig  # plain TypeVar dims only: mypy's own inference does the same job
    return _substituted(ctx, sig, env, names, failed, in_strings)


def _substituted(
    ctx: SigContext,
    sig: CallableType,
    env: Bindings,
    names: translate.Names,
    failed: Dict[int, bool],
    in_strings: frozenset[str],
) -> CallableType:
    api = ctx.api
    names_in_scope(api, names)
    int_type = api.named_generic_type("builtins.int", [])
    str_type = api.named_generic_type("builtins.str", [])
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    bound = set(env.dims) | set(env.stars)
    # What mypy cannot infer becomes unknown: symbols only written inside strings, and after
    # a reported mismatch every remaining symbol (the call is already an error).
    sig_vars = {v.name for v in sig.variables}
    if failed:
        unsolved = frozenset((sig_vars | in_strings) - bound)
    else:
        bare = translate.bare_typevar_names(sig.arg_types)
        unsolved = frozenset(in_strings - bound - bare)
        # A string dim mentioning a bare TypeVar mypy will infer still cannot be rewritten by
        # mypy: make those dims unknown too, but keep the TypeVar itself for mypy to solve.
        string_unsolved = frozenset(in_strings - bound)
    if failed:
        string_unsolved = unsolved

    def sub(t: Type, strings_too: bool) -> Type:
        return translate.substitute_type(
            t,
            env.dims,
            env.stars,
            names,
            int_type,
            str_type,
            tuple_any,
            unsolved=string_unsolved if strings_too else unsolved,
        )

    arg_types: List[Type] = []
    for i, t in enumerate(sig.arg_types):
        if failed.get(i):
            # Already reported in shape words: keep mypy from repeating it as arg-type.
            arg_types.append(AnyType(TypeOfAny.special_form))
        else:
            arg_types.append(sub(t, True))
    gone = bound | unsolved
    variables = [v for v in sig.variables if v.name not in gone]
    return sig.copy_modified(
        arg_types=arg_types, ret_type=sub(sig.ret_type, True), variables=variables
    )


def signature_hook(
    fullname: str, is_method: bool = False, report: bool = True
) -> Callable[[SigContext], FunctionLike]:
    """The signature hook for calls of ``fullname`` (a user function or method).

    ``report=False`` (an overloaded function: mypy asks about every item before choosing)
    leaves an item that does not fit unchanged and silent, so mypy skips to the next one.
    >>> callable(signature_hook("pkg.predict"))
    True
    """
    name = qualname(fullname, is_method)

    def hook(ctx: SigContext) -> FunctionLike:
        return _check(ctx, name, report)

    return guarded("call check", hook, lambda ctx: ctx.default_signature)

