"""Layer hooks: constructors keep literal sizes, layer rules run where layers are called.

- Constructors (``Dense(784, 32, relu)``) return ``Dense[Literal[784], Literal[32]]`` from the
  layer's spec (:mod:`mypy_plugin.callbacks.layer_types`), with the spec's argument checks.
- ``Chain(...)`` is checked where it is built (``typedflux.shapes.chains.check_chain``) and
  where it is called (``chain_rule``), with the same messages as the runtime; chain items
  are resolved by :mod:`mypy_plugin.callbacks.chain_items`.
- Calling a layer runs its rule (``LayerConfig.call``) on the arguments' static shapes.

Layer shape arithmetic lives in ``typedflux.shapes``; the plugin only reads types.

>>> callable(layer_call_hook("layer call"))
True
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

from mypy.nodes import ArgKind
from mypy.plugin import FunctionContext, MethodSigContext
from mypy.types import (
    AnyType,
    FunctionLike,
    Instance,
    LiteralType,
    TupleType,
    Type,
    TypeOfAny,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.boundaries import check_boundary
from mypy_plugin.callbacks.chain_items import (
    CHAIN,
    CONTAINERS,
    SKIP,
    chain_item,
    chain_items,
)
from mypy_plugin.callbacks.common import names_in_scope, report_shape_error, tensor_template
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.layer_types import (
    CONNECTION,
    EXTRA,
    INNER,
    _arg,
    build_layer_type,
    int_type,
    str_type,
    with_attrs,
)
from typedflux.shapes.chains import chain_rule, check_chain
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_spec import LayerConfig, LayerSpec

__all__ = [
    "CHAIN",
    "CONTAINERS",
    "layer_constructor_hook",
    "chain_constructor_hook",
    "layer_call_hook",
    "chain_call_hook",
    "container_constructor_hook",
]

Shape = Tuple[Any, ...]


def _with_named_layers(ctx: FunctionContext, names: List[str], types: List[Type]) -> Type:
    """A named Chain's type is ``Chain[()]``: its layers' types ride along on the instance."""
    t = get_proper_type(ctx.default_return_type)
    if not isinstance(t, Instance):
        return ctx.default_return_type
    fallback = ctx.api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    return with_attrs(
        t, {INNER: TupleType(types, fallback), EXTRA: LiteralType("|".join(names), str_type(ctx))}
    )


# -- hooks ----------------------------------------------------------------------------------


def layer_constructor_hook(spec: LayerSpec) -> Callable[[FunctionContext], Type]:
    """``Dense(784, 32, relu)`` -> ``Dense[Literal[784], Literal[32]]`` (+ repr options).

    >>> from typedflux.shapes.layers import LAYERS
    >>> callable(layer_constructor_hook(LAYERS["Dense"]))
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        t = get_proper_type(ctx.default_return_type)
        if not isinstance(t, Instance):
            return ctx.default_return_type
        return build_layer_type(ctx, spec, t)

    return guarded(f'"{spec.name}"', hook, lambda ctx: ctx.default_return_type)


def chain_constructor_hook() -> Callable[[FunctionContext], Type]:
    """``Chain(...)``: adjacent layers must compose (one ``[shape]`` error on the line).

    >>> callable(chain_constructor_hook())
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        # ``*layers: Unpack[Layers]`` reaches the hook expanded into one formal per layer;
        # named layers (``Chain(enc=..., dec=...)``) arrive in ``**named``.
        types: List[Type] = []
        named: List[Tuple[str, Type]] = []
        for name, kinds, arg_types, arg_names in zip(
            ctx.callee_arg_names, ctx.arg_kinds, ctx.arg_types, ctx.arg_names
        ):
            if any(k in (ArgKind.ARG_STAR, ArgKind.ARG_STAR2) for k in kinds):
                return ctx.default_return_type
            if name == "named":
                named += [(n, t) for n, t in zip(arg_names, arg_types) if n is not None]
            else:
                types.extend(arg_types)
        result = ctx.default_return_type
        if named and not types:
            types = [t for _, t in named]
            result = _with_named_layers(ctx, [n for n, _ in named], types)
        items = [chain_item(t) for t in types]
        if len(items) < 2:
            return result
        try:
            check_chain(items)
        except CannotTell:
            pass
        except ShapeError as err:
            report_shape_error(ctx.api, err, ctx.context)
        return result

    return guarded('"Chain"', hook, lambda ctx: ctx.default_return_type)


def _input_shapes(ctx: MethodSigContext, names: translate.Names) -> Optional[List[Shape]]:
    """Shapes of the leading tensor inputs (one actual per formal, in order); ``None`` when
    one cannot be read. Later formals left empty end the list (``mha(q)`` vs ``mha(q, k, v)``)."""
    shapes: List[Shape] = []
    for i, actuals in enumerate(ctx.args):
        if not actuals:
            if any(ctx.args[i + 1 : i + 2]):
                return None  # a gap (k skipped, v given): leave it to mypy
            break
        if len(actuals) != 1:
            return None
        with ctx.api.msg.filter_errors(filter_revealed_type=True):
            t = ctx.api.get_expression_type(actuals[0])
        shape = translate.shape_of(t, names)
        if shape is None:
            if shapes:
                break  # a non-tensor option after the inputs (a mask, a flag)
            return None
        shapes.append(shape)
    return shapes or None


def _call_signature(
    ctx: MethodSigContext, run: Callable[[List[Shape]], Shape]
) -> FunctionLike:
    sig = ctx.default_signature
    names = translate.Names()
    x = _input_shapes(ctx, names)
    if x is None:
        return sig
    any_type = AnyType(TypeOfAny.special_form)
    try:
        out = run(x)
    except CannotTell:
        return sig
    except ShapeError as err:
        report_shape_error(ctx.api, err, ctx.context)
        # Reported once, in shape words: mypy's own arg-type error would repeat it.
        template = tensor_template(ctx.api, sig.ret_type)
        if template is None:
            return sig.copy_modified(arg_types=[any_type] * len(sig.arg_types))
        unknown = translate.type_of_shape(
            (translate.Star(None),), template, names, int_type(ctx), str_type(ctx),
            ctx.api.named_generic_type("builtins.tuple", [any_type]),
        )
        return sig.copy_modified(
            arg_types=[any_type] * len(sig.arg_types), ret_type=unknown, variables=[]
        )
    names_in_scope(ctx.api, names)
    template = tensor_template(ctx.api, sig.ret_type)
    if template is None:
        return sig
    ret = translate.type_of_shape(
        out, template, names, int_type(ctx), str_type(ctx),
        ctx.api.named_generic_type("builtins.tuple", [any_type]),
    )
    return sig.copy_modified(
        arg_types=[any_type] * len(sig.arg_types),
        # (boundaries) the result against the annotation it is returned/assigned/yielded to
        ret_type=check_boundary(ctx, ret),
        variables=[],
    )


def _one_input(rule: Callable[[Shape], Shape], xs: List[Shape]) -> Shape:
    if len(xs) != 1:
        raise CannotTell("called with several inputs")
    return rule(xs[0])


def layer_call_hook(where: str) -> Callable[[MethodSigContext], FunctionLike]:
    """``layer(x)``: the layer's rule on ``x``'s shape gives the result (or the error).

    >>> callable(layer_call_hook("layer call"))
    True
    """

    def hook(ctx: MethodSigContext) -> FunctionLike:
        t = get_proper_type(ctx.type)
        if not isinstance(t, Instance):
            return ctx.default_signature
        item = chain_item(t, signatures=True)
        if item is None:
            return ctx.default_signature
        if isinstance(item, LayerConfig):
            return _call_signature(ctx, item.call)
        rule = item[1]
        return _call_signature(ctx, lambda xs: _one_input(rule, xs))

    return guarded(where, hook, lambda ctx: ctx.default_signature)


def chain_call_hook() -> Callable[[MethodSigContext], FunctionLike]:
    """``chain(x)``: thread ``x``'s shape through the layers (errors name the position).

    >>> callable(chain_call_hook())
    True
    """

    def hook(ctx: MethodSigContext) -> FunctionLike:
        t = get_proper_type(ctx.type)
        if not isinstance(t, Instance):
            return ctx.default_signature
        items = chain_items(t, signatures=True)
        if not items:
            return ctx.default_signature
        try:
            check_chain(chain_items(t) or [])
        except ShapeError:
            # A Chain that cannot be built is reported where it is built (at run time it
            # never exists); saying it again at every call would only repeat that error.
            return ctx.default_signature
        except CannotTell:
            pass
        return _call_signature(ctx, lambda xs: _one_input(lambda x: chain_rule(items, x), xs))

    return guarded('"Chain"', hook, lambda ctx: ctx.default_signature)


def container_constructor_hook(kind: str) -> Callable[[FunctionContext], Type]:
    """``SkipConnection(layer, connection)`` / ``Parallel(connection, *layers)``: the types
    of the parts ride along on the instance type, so Chains and calls can follow them.

    >>> callable(container_constructor_hook(SKIP))
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        t = get_proper_type(ctx.default_return_type)
        if not isinstance(t, Instance):
            return ctx.default_return_type
        conn = _arg(ctx, "connection")
        if conn is None:
            return ctx.default_return_type
        if kind == SKIP:
            layer = _arg(ctx, "layer")
            if layer is None:
                return ctx.default_return_type
            inner: Type = layer[1]
        else:
            names = ctx.callee_arg_names
            i = names.index("layers") if "layers" in names else -1
            if i < 0 or any(k != ArgKind.ARG_POS for k in ctx.arg_kinds[i]):
                return ctx.default_return_type
            fallback = ctx.api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
            inner = TupleType(list(ctx.arg_types[i]), fallback)
        return with_attrs(t, {INNER: inner, CONNECTION: conn[1]})

    return guarded(f'"{kind}"', hook, lambda ctx: ctx.default_return_type)
