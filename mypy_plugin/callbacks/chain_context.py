"""A ``Chain(...)`` built where an annotation asks for a ``Chain[...]`` type.

``def build() -> Chain[Dense[8, 16], Dense[16, 3]]: return Chain(Dense(8, 16), Dense(16, 4))``:
mypy infers a generic call's type variables from the annotation the call meets *before* it
looks at the arguments, so the Chain's layer types would be the annotation's and the layer
that differs an ``[arg-type]`` error in ``Literal[...]`` words. The signature hook here hides
the Chain's return type from that inference (only at a return, an annotated assignment or a
yield of a Chain type); the function hook then gives the call the Chain of its arguments'
own types, which the Chain hook compares with the annotation in shape words (``Return layer
Chain(...) ...: layer 2 out_features is 4, expected 3``). Where nothing differs in shape
words, the result is what mypy's own inference gives.

>>> callable(chain_signature_hook) and callable(with_argument_types)
True
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional

from mypy.nodes import ArgKind, CallExpr
from mypy.plugin import FunctionContext, FunctionSigContext
from mypy.subtypes import is_subtype
from mypy.types import AnyType, FunctionLike, Instance, Type, TypeOfAny, get_proper_type

from mypy_plugin.callbacks.boundary_index import boundary_of
from mypy_plugin.callbacks.chain_stars import star_layers, stars
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.layer_types import BROKEN

__all__ = [
    "CHAIN_FULLNAME",
    "chain_signature_hook",
    "annotated_chain_hook",
    "with_argument_types",
    "settle",
]

CHAIN_FULLNAME = "typedflux.layers.containers.Chain"


def _annotated_chain(api: Any, call: object) -> Optional[Instance]:
    """The ``Chain[...]`` annotation ``call`` meets at a return, assignment or yield."""
    contexts = getattr(api, "type_context", None)
    expected = contexts[-1] if contexts else None
    want = get_proper_type(expected) if expected is not None else None
    if not isinstance(want, Instance) or want.type.fullname != CHAIN_FULLNAME or not want.args:
        return None
    if not isinstance(call, CallExpr) or any(k != ArgKind.ARG_POS for k in call.arg_kinds):
        return None  # named layers or *layers: mypy's own inference
    where = boundary_of(api, call)
    if where is None or where.kind not in ("return", "assign", "yield") or where.part:
        return None
    return want


def _hide_return_type(ctx: FunctionSigContext) -> FunctionLike:
    sig = ctx.default_signature
    if stars(ctx.context) > 1:  # Chain(*encoder, *decoder): chain_stars.py
        return star_layers(sig, ctx.api)
    if _annotated_chain(ctx.api, ctx.context) is None:
        return sig
    return sig.copy_modified(ret_type=AnyType(TypeOfAny.special_form))


# Hides the Chain's return type from inference by annotation (an ``Any`` the function hook
# replaces); any other Chain call keeps its signature.
chain_signature_hook: Callable[[FunctionSigContext], FunctionLike] = guarded(
    '"Chain" signature', _hide_return_type, lambda ctx: ctx.default_signature
)


def annotated_chain_hook(
    chain_hook: Callable[[FunctionContext], Type]
) -> Callable[[FunctionContext], Type]:
    """``chain_hook`` (the Chain constructor's) run on the arguments' own types where the
    signature hook hid the annotation from inference.

    >>> callable(annotated_chain_hook(lambda ctx: ctx.default_return_type))
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        return settle(ctx, chain_hook(with_argument_types(ctx)))

    return guarded('"Chain"', hook, lambda ctx: ctx.default_return_type)


def with_argument_types(ctx: FunctionContext) -> FunctionContext:
    """``ctx`` with the Chain type of its arguments as the default return type, when the
    signature hook hid it; ``ctx`` itself otherwise."""
    if not isinstance(get_proper_type(ctx.default_return_type), AnyType):
        return ctx
    want = _annotated_chain(ctx.api, ctx.context)
    if want is None:
        return ctx
    types: List[Type] = [t for ts in ctx.arg_types for t in ts]
    return ctx._replace(default_return_type=Instance(want.type, types))


def settle(ctx: FunctionContext, result: Type) -> Type:
    """The call's type after the Chain hook ran on ``with_argument_types(ctx)``.

    A Chain the hook reported (a layer of other sizes than the annotation's, or layers that
    do not compose) is already an error: it takes the annotation's type so mypy does not add
    its own. A Chain whose layers each fit the annotation's is the annotation's type, as
    mypy's inference makes it (``Chain[Dense[int, int]]`` takes ``Dense(8, 16)``). Anything
    else keeps the arguments' types, and mypy reports it in its own words.
    """
    want = _annotated_chain(ctx.api, ctx.context)
    got = get_proper_type(result)
    if want is None or not isinstance(got, Instance) or got.type.fullname != CHAIN_FULLNAME:
        return result
    if is_subtype(got, want):
        return result
    if got.extra_attrs is not None and BROKEN in got.extra_attrs.attrs:
        return want
    if len(got.args) == len(want.args) and all(
        is_subtype(g, w) for g, w in zip(got.args, want.args)
    ):
        return want
    return result
