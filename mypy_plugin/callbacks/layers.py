"""Layer hooks: constructors keep literal sizes, layer rules run where layers are called.

- Constructors (``Dense(784, 32, relu)``) return ``Dense[Literal[784], Literal[32]]`` from the
  layer's spec (:mod:`mypy_plugin.callbacks.layer_types`), with the spec's argument checks.
- ``Chain(...)`` is checked where it is built (``typedflux.shapes.chains.check_chain``) and
  where it is called (``chain_rule``), with the same messages as the runtime; chain items
  are resolved by :mod:`mypy_plugin.callbacks.chain_items`.
- Calling a layer runs its rule (``LayerConfig.call``) on the arguments' static shapes.
- A Chain's parts (``chain[0]``, ``chain[::-1]``, ``chain.layers``) are typed by
  :mod:`mypy_plugin.callbacks.chain_parts`.

Layer shape arithmetic lives in ``typedflux.shapes``; the plugin only reads types.

>>> callable(layer_call_hook("layer call"))
True
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, List, Optional, Tuple

from mypy.nodes import ArgKind, Context, Expression, LambdaExpr, NameExpr, StarExpr
from mypy.plugin import FunctionContext, MethodSigContext
from mypy.types import (
    AnyType, FunctionLike, Instance, LiteralType, ProperType, TupleType, Type, TypeOfAny,
    UnionType, get_proper_type,
)
from mypy.typeops import make_simplified_union

from mypy_plugin import translate
from mypy_plugin.callbacks.boundaries import check_boundary
from mypy_plugin.callbacks.bodies import building, chain_with_lambdas, with_lambda
from mypy_plugin.callbacks.chain_items import (
    CHAIN,
    CONTAINERS,
    FUSION,
    FUSIONS,
    chain_item,
    chain_output,
    fusion_run,
)
from mypy_plugin.callbacks.containers import container_constructor_hook, fusion_constructor_hook
from mypy_plugin.callbacks.culprits import join_culprit
from mypy_plugin.callbacks.layer_boundaries import check_layer_boundary
from mypy_plugin.callbacks.layer_bodies import traced_chain_items
from mypy_plugin.callbacks.rebound_names import rebound_callee, swapped_layers
from mypy_plugin.callbacks.union_contexts import union_context_safe
from mypy_plugin.callbacks.union_operands import callee_is_union, held_type
from mypy_plugin.callbacks.repeated import repeated_layers
from mypy_plugin.callbacks.replaced_layers import unless_replaced
from mypy_plugin.callbacks.common import (
    guarded, names_in_scope, report_shape_error, tensor_template,
)
from mypy_plugin.callbacks.layer_types import (
    with_mask,
    EXTRA,
    INNER,
    build_layer_type,
    unknown_chain,
    int_type,
    str_type,
    with_attrs,
)
from typedflux.shapes.chains import check_chain
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_config import Several
from typedflux.shapes.layer_spec import LayerSpec

__all__ = [
    "CHAIN",
    "CONTAINERS",
    "FUSIONS",
    "layer_constructor_hook",
    "chain_constructor_hook",
    "layer_call_hook",
    "chain_call_hook",
    "container_constructor_hook",
    "fusion_constructor_hook",
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
        return check_layer_boundary(ctx, build_layer_type(ctx, spec, t))

    return guarded(f'"{spec.name}"', unless_replaced(hook), lambda ctx: ctx.default_return_type)


def chain_constructor_hook() -> Callable[[FunctionContext], Type]:
    """``Chain(...)``: adjacent layers must compose; an error is reported on the argument of
    the layer at fault (its own line in a multi-line Chain).

    >>> callable(chain_constructor_hook())
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        # ``*layers: Unpack[Layers]`` reaches the hook expanded into one formal per layer;
        # named layers (``Chain(enc=..., dec=...)``) arrive in ``**named``.
        types: List[Type] = []
        exprs: List[Expression] = []
        named: List[Tuple[str, Type, Expression]] = []
        repeated = repeated_layers(ctx)  # ``Chain(*[Block() for _ in range(N)])``
        for name, kinds, arg_types, arg_names, args in zip(
            ctx.callee_arg_names, ctx.arg_kinds, ctx.arg_types, ctx.arg_names, ctx.args
        ) if repeated is None else ():
            if any(k in (ArgKind.ARG_STAR, ArgKind.ARG_STAR2) for k in kinds):
                return ctx.default_return_type
            if name == "named":
                named += [(n, t, e) for n, t, e in zip(arg_names, arg_types, args)
                          if n is not None]
            else:
                types.extend(arg_types)
                exprs.extend(args)
        result = ctx.default_return_type
        if repeated is not None:
            types, exprs, result = repeated
        elif named and not types:
            types = [t for _, t, _ in named]
            exprs = [e for _, _, e in named]
            result = _with_named_layers(ctx, [n for n, _, _ in named], types)
        elif any(isinstance(e, (LambdaExpr, NameExpr)) for e in exprs):  # (a named lambda)
            result = chain_with_lambdas(result, exprs)
        items = [chain_item(with_lambda(e, t)) for e, t in zip(exprs, types)]
        if len(items) < 2 and not any(i is not None and i.kind != "layer" for i in items):
            return result
        try:
            with building():
                check_chain(items)
        except CannotTell:
            pass
        except ShapeError as err:
            position = getattr(err, "position", None)
            where: Context = ctx.context
            if isinstance(position, int) and 1 <= position <= len(exprs):
                where = join_culprit(exprs[position - 1], types[position - 1], err)
            report_shape_error(ctx.api, err, where)
            # At run time this Chain never exists: an enclosing Chain sees an unknown layer
            # (no second report of the same fault).
            return unknown_chain(ctx, result)
        return check_layer_boundary(ctx, result)

    return guarded('"Chain"', unless_replaced(hook), lambda ctx: ctx.default_return_type)


def _input_shapes(
    ctx: MethodSigContext, names: translate.Names
) -> Optional[List[List[Shape]]]:
    """Shapes of the leading tensor inputs (one actual per formal, in order), each as the
    list of shapes its type may have (several for a union: a variable a loop rebinds);
    ``None`` when one cannot be read. Later formals left empty end the list (``mha(q)`` vs
    ``mha(q, k, v)``). A tuple of tensors counts as its items in order (an LSTM's
    ``(h0, c0)``, Bilinear's ``(x, y)``)."""
    shapes: List[List[Shape]] = []
    kinds = ctx.default_signature.arg_kinds
    for i, actuals in enumerate(ctx.args):
        if not actuals:
            if any(ctx.args[i + 1 : i + 2]):
                return None  # a gap (k skipped, v given): leave it to mypy
            break
        if i < len(kinds) and kinds[i].is_named():
            break  # keyword-only options (attention's mask) are not inputs
        star = i < len(kinds) and kinds[i] == ArgKind.ARG_STAR  # ``Parallel(...)(*xs)``
        if len(actuals) != 1 and not star:
            return None
        if any(isinstance(a, StarExpr) for a in actuals):
            return None  # an unpacked list of tensors: how many is unknown
        for actual in actuals:
            t = held_type(ctx.api, actual, argument_type(ctx, actual))
            if isinstance(t, TupleType):
                items = _tensor_items(t, names)
                if items is not None:
                    shapes.extend([item] for item in items)
                    continue
            members = t.items if isinstance(t, UnionType) else [t]
            # An ``Any`` member of a union may be any tensor: a shape of unknown rank.
            alternatives = [
                (translate.Star(None),) if len(members) > 1 and isinstance(
                    get_proper_type(m), AnyType) else translate.shape_of(m, names)
                for m in members
            ]
            if any(a is None for a in alternatives):
                if shapes:
                    return shapes  # a non-tensor option after the inputs (a mask, a flag)
                return None
            shapes.append([a for a in alternatives if a is not None])
    return shapes or None


_MAX_COMBINATIONS = 16


def formal_type(ctx: MethodSigContext) -> Type:
    """The type a layer call's parameters get once the hook has read the arguments' shapes:
    ``object`` (takes any argument; the shapes were checked here). Also the type context the
    arguments are inferred in (:func:`argument_type`): mypy infers them in it again right after
    the hook, and finds them in its expression cache, not inferring a nested call twice.

    >>> formal_type.__name__
    'formal_type'
    """
    return ctx.api.named_generic_type("builtins.object", [])


def argument_type(ctx: MethodSigContext, e: Expression) -> ProperType:
    """The type of the call's argument ``e``, inferred quietly (errors are kept in mypy's
    expression cache and reported when mypy takes it from there) in the context mypy gives it
    after the hook (:func:`formal_type`): ``object``, which infers as no context does (``Any``
    would make a generic call's type variables ``Any``).

    >>> argument_type.__name__
    'argument_type'
    """
    with ctx.api.msg.filter_errors():
        return get_proper_type(ctx.api.get_expression_type(e, formal_type(ctx)))


def _tensor_items(t: Type, names: translate.Names) -> Optional[List[Shape]]:
    """A tensor's shape, or the shapes of a tuple of tensors (an LSTM's ``(h0, c0)``,
    Bilinear's ``(x, y)``: each counts as one input); None for anything else."""
    shape = translate.shape_of(t, names)
    if shape is not None:
        return [shape]
    p = get_proper_type(t)
    if isinstance(p, TupleType) and p.items:
        shapes = [translate.shape_of(item, names) for item in p.items]
        if all(s is not None for s in shapes):
            return shapes  # type: ignore[return-value]
    return None


def _result_type(ctx: MethodSigContext, out: Any, declared: Type, names: translate.Names
                 ) -> Optional[Type]:
    """The type of a layer call's result: a Tensor type from a shape, or a tuple type from
    ``Several`` shapes (a recurrent layer's ``(y, state)``), item by item on the declared
    return type; None when the two do not line up."""
    if isinstance(out, Several):
        p = get_proper_type(declared)
        if isinstance(p, Instance) and p.type.fullname == "builtins.tuple" and len(p.args) == 1:
            # ``Tuple[Tensor, ...]`` (a PairwiseFusion's): one item per output
            p = TupleType([p.args[0]] * len(out), p)
        if not isinstance(p, TupleType) or len(p.items) != len(out):
            return None
        items = [_result_type(ctx, o, d, names) for o, d in zip(out, p.items)]
        if any(i is None for i in items):
            return None
        return p.copy_modified(items=items)  # type: ignore[arg-type]
    template = tensor_template(ctx.api, declared)
    if template is None:
        return None
    any_type = AnyType(TypeOfAny.special_form)
    return translate.type_of_shape(
        out, template, names, int_type(ctx), str_type(ctx),
        ctx.api.named_generic_type("builtins.tuple", [any_type]),
    )


def _call_signature(
    ctx: MethodSigContext, run: Callable[[List[Shape]], Shape]
) -> FunctionLike:
    sig = ctx.default_signature
    names = translate.Names()
    if rebound_callee(ctx):  # (``from lib import model``, ``model = ...`` here: any sizes)
        return _permissive(ctx, sig, names, [None])
    inputs = _input_shapes(ctx, names)
    if inputs is None:
        return sig
    combos = list(itertools.islice(itertools.product(*inputs), _MAX_COMBINATIONS + 1))
    if len(combos) > _MAX_COMBINATIONS:
        return _permissive(ctx, sig, names, [])
    any_type = AnyType(TypeOfAny.special_form)
    outs: List[Optional[Shape]] = []
    errors: List[ShapeError] = []
    for combo in combos:
        try:
            outs.append(run(list(combo)))
        except CannotTell:
            outs.append(None)
        except ShapeError as err:
            errors.append(err)
    if errors and not outs and not callee_is_union(ctx):
        # Every shape the input may have is rejected by this layer: proven.
        report_shape_error(ctx.api, errors[0], ctx.context)
        # Reported once, in shape words: mypy's own arg-type error would repeat it.
        return _permissive(ctx, sig, names, [None])
    if errors or len(combos) > 1:
        # A member of a union of inputs fits, or this layer is one member of a union of
        # layers (``for layer in model.layers``): nothing is proven; the result is what
        # the fitting inputs give.
        return _permissive(ctx, sig, names, outs)
    if outs[0] is None:
        return sig
    names_in_scope(ctx.api, names)
    ret = _result_type(ctx, outs[0], sig.ret_type, names)
    if ret is None:
        return sig
    return sig.copy_modified(
        arg_types=[formal_type(ctx)] * len(sig.arg_types),
        # (boundaries) the result against the annotation it is returned/assigned/yielded to
        ret_type=check_boundary(ctx, ret),
        variables=[],
    )


def _permissive(
    ctx: MethodSigContext, sig: Any, names: translate.Names, outs: List[Optional[Shape]]
) -> FunctionLike:
    """A signature taking any input and giving the union of ``outs`` (an unknown shape for
    ``None`` or when there is none)."""
    any_type = AnyType(TypeOfAny.special_form)
    template = tensor_template(ctx.api, sig.ret_type)
    if template is None or any(isinstance(o, Several) for o in outs):
        return sig.copy_modified(  # type: ignore[no-any-return]
            arg_types=[formal_type(ctx)] * len(sig.arg_types))
    names_in_scope(ctx.api, names)
    tuple_any = ctx.api.named_generic_type("builtins.tuple", [any_type])
    shapes = [o if o is not None else (translate.Star(None),) for o in outs] or [
        (translate.Star(None),)]
    rets = [translate.type_of_shape(o, template, names, int_type(ctx), str_type(ctx), tuple_any)
            for o in shapes]
    return sig.copy_modified(  # type: ignore[no-any-return]
        arg_types=[formal_type(ctx)] * len(sig.arg_types),
        ret_type=check_boundary(ctx, make_simplified_union(rets)), variables=[],
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
        if t.type.name == FUSION and t.type.fullname.startswith("typedflux."):
            run = fusion_run(t)  # several outputs: no chain item, a rule of its own
            return ctx.default_signature if run is None else _call_signature(ctx, run)
        item = chain_item(t)
        if item is None:
            return union_context_safe(ctx, ctx.default_signature)
        return union_context_safe(ctx, _call_signature(ctx, with_mask(ctx, item)))

    return guarded(where, hook, lambda ctx: union_context_safe(ctx, ctx.default_signature))


def chain_call_hook() -> Callable[[MethodSigContext], FunctionLike]:
    """``chain(x)``: thread ``x``'s shape through the layers (errors name the position).

    >>> callable(chain_call_hook())
    True
    """

    def hook(ctx: MethodSigContext) -> FunctionLike:
        t = get_proper_type(ctx.type)
        if not isinstance(t, Instance):
            return ctx.default_signature
        # (``model.layers = (...)`` in this module: the layers in force, or unknown sizes)
        swapped = swapped_layers(ctx.api, getattr(ctx.context, "callee", None))
        if swapped == []:
            return _permissive(ctx, ctx.default_signature, translate.Names(), [None])
        items = [chain_item(x) for x in swapped] if swapped else traced_chain_items(
            ctx.api, ctx.context, t)  # (layer_bodies.py)
        if not items:
            return ctx.default_signature
        try:
            with building():
                check_chain(items)
        except ShapeError:
            # A Chain that cannot be built is reported where it is built (at run time it
            # never exists); saying it again at every call would only repeat that error.
            return ctx.default_signature
        except CannotTell:
            pass
        return _call_signature(ctx, lambda xs: _one_input(lambda x: chain_output(items, x), xs))

    return guarded('"Chain"', hook, lambda ctx: ctx.default_signature)
