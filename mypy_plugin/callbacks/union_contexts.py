"""A variadic signature called where mypy's type context is a union: mypy would crash.

Under allow_redefinition (the README's configuration) a parameter rebound to a value mypy
types ``Any`` (``x = add_positions(x)``, an unannotated helper) has the declared type
``Tensor[B, T, 32] | Any``. Calling a layer or a user function whose signature is variadic
(``__call__(self, x: Tensor[*Bs, In]) -> Tensor[*Bs, Out]``) on it, as ``x = norm(x)``, makes
mypy infer ``Bs`` from that context first, as the union ``tuple[B, T] | Any``, which its
``expand_unpack`` refuses: ``RuntimeError: Invalid type replacement to expand``, an INTERNAL
ERROR (plain mypy crashes the same way). A signature hook's result is what mypy infers from,
so here the variadic type variables the signature still has (the ones its arguments did not
bind: an unknown argument's) are made unknown, ``tuple[Any, ...]``, when the context is a
union: the result is ``Tensor[*tuple[Any, ...], 32]``, what the arguments alone give.

>>> callable(union_context_safe)
True
"""

from __future__ import annotations

from typing import Dict, Union

from mypy.expandtype import expand_type
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.types import (
    AnyType,
    CallableType,
    FunctionLike,
    Type,
    TypeOfAny,
    TypeVarId,
    TypeVarTupleType,
    UnionType,
    get_proper_type,
)

__all__ = ["union_context_safe"]

SigContext = Union[FunctionSigContext, MethodSigContext]


def union_context_safe(ctx: SigContext, sig: FunctionLike) -> FunctionLike:
    """``sig`` with its variadic type variables unknown when mypy's type context for the call
    is a union (see the module); ``sig`` itself otherwise (cheap: most signatures have
    none)."""
    if not isinstance(sig, CallableType) or not any(
            isinstance(v, TypeVarTupleType) for v in sig.variables):
        return sig
    contexts = getattr(ctx.api, "type_context", None)
    expected = get_proper_type(contexts[-1]) if contexts else None
    if not isinstance(expected, UnionType):
        return sig
    tuple_any = ctx.api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    unknown: Dict[TypeVarId, Type] = {
        v.id: tuple_any for v in sig.variables if isinstance(v, TypeVarTupleType)}
    out = get_proper_type(expand_type(sig, unknown))
    if not isinstance(out, CallableType):
        return sig
    return out.copy_modified(variables=[v for v in sig.variables if v.id not in unknown])
