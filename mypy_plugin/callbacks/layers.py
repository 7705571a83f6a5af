"""Layers and Chain: literal sizes kept by constructors, layer rules run where layers are called.

- Constructors (``Dense(784, 32, relu)``) return ``Dense[Literal[784], Literal[32]]``; what
  the type parameters cannot hold but the Flux-style repr shows (activation, ``bias=False``,
  Dropout's ``p``) rides along in a private extra attribute of the instance type, so an error
  names ``Dense(784 => 32, relu)`` exactly as the runtime does.
- ``Chain(...)`` is checked where it is built (``typedflux.shapes.layers.check_chain``) and
  where it is called (``chain_rule``), with the same messages as the runtime.
- Calling a layer runs its rule (``LayerConfig.rule``) on the argument's static shape.

Layer shape arithmetic lives in ``typedflux.shapes.layers``; this module only reads types.

>>> sorted(LAYER_CLASSES)[:3]
['AdaptiveMeanPool', 'BatchNorm', 'Conv']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union, cast

from mypy.nodes import (
    ArgKind,
    Decorator,
    Expression,
    FloatExpr,
    FuncBase,
    IntExpr,
    LambdaExpr,
    RefExpr,
)
from mypy.plugin import FunctionContext, MethodSigContext
from mypy.types import (
    AnyType,
    CallableType,
    ExtraAttrs,
    FunctionLike,
    Instance,
    LiteralType,
    Type,
    TupleType,
    TypeOfAny,
    TypeVarType,
    UnpackType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.common import (
    guarded,
    names_in_scope,
    report_shape_error,
    tensor_template,
    type_lookup,
)
from mypy_plugin.routing import ROUTES
from mypy_plugin.values import NotStatic, static_bool, static_int, static_ints
from typedflux.shapes.catalog import Kind
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layers import (
    AdaptivePoolConfig,
    AttentionConfig,
    BatchNormConfig,
    ChainItem,
    ConvConfig,
    ConvTransposeConfig,
    DenseConfig,
    DropoutConfig,
    EmbeddingConfig,
    FlattenConfig,
    GlobalPoolConfig,
    LayerConfig,
    LayerNormConfig,
    PoolConfig,
    RecurrentConfig,
    Window,
    chain_repr,
    chain_rule,
    check_chain,
    LayerInputError,
    parallel_repr,
    parse_window,
    skip_repr,
)
from typedflux.shapes.bind import Bindings

__all__ = [
    "LAYER_CLASSES",
    "CHAIN",
    "layer_constructor_hook",
    "chain_constructor_hook",
    "layer_call_hook",
    "chain_call_hook",
    "container_constructor_hook",
    "CONTAINERS",
]

EXTRA = "__typedflux_layer__"  # the private attribute carrying repr-only layer options
INNER = "__typedflux_inner__"  # a container's layer type(s)
CONNECTION = "__typedflux_connection__"  # a container's connection function type
CHAIN = "Chain"
SKIP = "SkipConnection"
PARALLEL = "Parallel"
CONTAINERS = (SKIP, PARALLEL)
Lookup = Callable[[Expression], Optional[Type]]
Shape = Tuple[Any, ...]


# -- reading constructor arguments ----------------------------------------------------------


def _arg(ctx: FunctionContext, name: str) -> Optional[Tuple[Expression, Type]]:
    names = ctx.callee_arg_names
    if name not in names:
        return None
    i = names.index(name)
    if len(ctx.args[i]) != 1 or ctx.arg_kinds[i][0] in (ArgKind.ARG_STAR, ArgKind.ARG_STAR2):
        return None
    return ctx.args[i][0], ctx.arg_types[i][0]


def _dim_arg(ctx: FunctionContext, name: str, names: translate.Names) -> Any:
    got = _arg(ctx, name)
    if got is None:
        return translate.UNKNOWN
    d = translate.dim_of_expr(got[0], type_lookup(ctx.api), names)
    return translate.UNKNOWN if d is None else d


def _activation(ctx: FunctionContext) -> str:
    got = _arg(ctx, "activation")
    if got is None:
        return "identity"
    e = got[0]
    # The runtime repr shows the function's __name__: its def name (not the name it was
    # imported as), or "<lambda>"; a variable holding some function is unknown here.
    if isinstance(e, RefExpr) and isinstance(e.node, (FuncBase, Decorator)):
        return e.node.name
    if isinstance(e, LambdaExpr):
        return "<lambda>"
    return "?"


def _bool_arg(ctx: FunctionContext, name: str, default: bool) -> bool:
    got = _arg(ctx, name)
    if got is None:
        return default
    v = static_bool(got[0], type_lookup(ctx.api))
    return default if isinstance(v, NotStatic) else v


def _pair_arg(ctx: FunctionContext, name: str) -> Union[int, Tuple[int, ...], None, NotStatic]:
    got = _arg(ctx, name)
    if got is None:
        return None
    lookup = type_lookup(ctx.api)
    v = static_int(got[0], lookup)
    if not isinstance(v, NotStatic):
        return v
    return static_ints(got[0], lookup)


def _window(ctx: FunctionContext, kernel: str, pool: bool) -> Optional[Window]:
    values: Dict[str, Any] = {}
    for key in (kernel, "stride", "pad") + (() if pool else ("dilation",)):
        v = _pair_arg(ctx, key)
        if isinstance(v, NotStatic):
            return None
        if v is not None:
            values[key] = v
    if kernel not in values:
        return None
    k = values.pop(kernel)
    if pool and values.get("stride") is None:
        values["stride"] = k
    try:
        return Window.of(k, **values)
    except (ValueError, TypeError):
        return None  # a bad window is the runtime's ValueError, not a shape error


def _float_text(ctx: FunctionContext, name: str) -> Optional[str]:
    got = _arg(ctx, name)
    if got is None:
        return None
    e = got[0]
    if isinstance(e, (FloatExpr, IntExpr)):
        return str(e.value)  # as the runtime's f"{p}" prints it
    return None


# -- the extra attribute and configs --------------------------------------------------------


def _with_extra(t: Instance, fields: Sequence[str], str_type: Instance) -> Instance:
    attrs = dict(t.extra_attrs.attrs) if t.extra_attrs else {}
    attrs[EXTRA] = LiteralType("|".join(fields), str_type)
    out = t.copy_modified()
    out.extra_attrs = ExtraAttrs(attrs, {EXTRA}, None)
    return out


def _extra(t: Instance) -> Optional[List[str]]:
    if not t.extra_attrs or EXTRA not in t.extra_attrs.attrs:
        return None
    v = get_proper_type(t.extra_attrs.attrs[EXTRA])
    if isinstance(v, LiteralType) and isinstance(v.value, str):
        return v.value.split("|")
    return None


def _act_bias(t: Instance) -> Tuple[str, bool]:
    extra = _extra(t)
    if extra is None or len(extra) != 2:
        # A type written by hand (``Dense[Literal[256], Literal[10]]``) does not say which
        # activation the layer has: shown as ``?`` in messages, like an unknown dim.
        return "?", True
    return extra[0], extra[1] == "True"


def _dims(t: Instance) -> List[Any]:
    return [translate.dim_of_type(a, default=translate.UNKNOWN) or translate.UNKNOWN for a in t.args]


def _window_of(t: Type) -> Optional[Window]:
    p = get_proper_type(t)
    if isinstance(p, LiteralType) and isinstance(p.value, str):
        try:
            return parse_window(p.value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class LayerClass:
    """How the plugin builds one layer class's type and reads its config back.

    >>> LAYER_CLASSES["Dense"].name
    'Dense'
    """

    name: str
    build: Callable[[FunctionContext, Instance, translate.Names], Instance]
    config: Callable[[Instance], Optional[LayerConfig]]


def _int_type(ctx: Any) -> Instance:
    return cast(Instance, ctx.api.named_generic_type("builtins.int", []))


def _str_type(ctx: Any) -> Instance:
    return cast(Instance, ctx.api.named_generic_type("builtins.str", []))


def _dim_types(ctx: FunctionContext, dims: Sequence[Any], names: translate.Names) -> List[Type]:
    return [translate.type_of_dim(d, names, _int_type(ctx), _str_type(ctx)) for d in dims]


def _build_dense(ctx: FunctionContext, t: Instance, names: translate.Names) -> Instance:
    dims = [_dim_arg(ctx, "in_features", names), _dim_arg(ctx, "out_features", names)]
    out = t.copy_modified(args=_dim_types(ctx, dims, names))
    fields = [_activation(ctx), str(_bool_arg(ctx, "bias", True))]
    return _with_extra(out, fields, _str_type(ctx))


def _dense_config(t: Instance) -> Optional[LayerConfig]:
    if len(t.args) != 2:
        return None
    a, b = _dims(t)
    act, bias = _act_bias(t)
    return DenseConfig(a, b, act, bias)


def _build_conv(ctx: FunctionContext, t: Instance, names: translate.Names) -> Instance:
    dims = [_dim_arg(ctx, "in_channels", names), _dim_arg(ctx, "out_channels", names)]
    win = _window(ctx, "kernel", pool=False)
    cfg: Type = (
        LiteralType(win.text(), _str_type(ctx)) if win is not None
        else AnyType(TypeOfAny.special_form)
    )
    out = t.copy_modified(args=[*_dim_types(ctx, dims, names), cfg])
    fields = [_activation(ctx), str(_bool_arg(ctx, "bias", True))]
    return _with_extra(out, fields, _str_type(ctx))


def _conv_config(transpose: bool) -> Callable[[Instance], Optional[LayerConfig]]:
    def config(t: Instance) -> Optional[LayerConfig]:
        if len(t.args) != 3:
            return None
        # A type written by hand (``Conv[Literal[1], Literal[16]]``) has no window: channels
        # are still checked, spatial sizes are unknown.
        win = _window_of(t.args[2]) or Window.unknown()
        cin, cout, _ = _dims(t)
        act, bias = _act_bias(t)
        cls = ConvTransposeConfig if transpose else ConvConfig
        return cls(win.kernel, cin, cout, act, win, bias)

    return config


def _build_pool(ctx: FunctionContext, t: Instance, names: translate.Names) -> Instance:
    win = _window(ctx, "window", pool=True)
    if win is None:
        return t
    return t.copy_modified(args=[LiteralType(win.text(), _str_type(ctx))])


def _pool_config(kind: str) -> Callable[[Instance], Optional[LayerConfig]]:
    def config(t: Instance) -> Optional[LayerConfig]:
        win = _window_of(t.args[0]) if len(t.args) == 1 else None
        return PoolConfig(kind, win or Window.unknown())

    return config


def _build_dropout(ctx: FunctionContext, t: Instance, names: translate.Names) -> Instance:
    p = _float_text(ctx, "p")
    return t if p is None else _with_extra(t, [p], _str_type(ctx))


def _dropout_config(t: Instance) -> Optional[LayerConfig]:
    extra = _extra(t)
    # Shape-preserving; ``p`` only appears in its repr (the text the user wrote, else ``?``).
    return DropoutConfig(cast(float, extra[0] if extra else "?"))


def _sized(*params: str) -> Callable[[FunctionContext, Instance, translate.Names], Instance]:
    """A layer whose type parameters are its int constructor arguments, in order."""

    def build(ctx: FunctionContext, t: Instance, names: translate.Names) -> Instance:
        dims = [_dim_arg(ctx, p, names) for p in params]
        return t.copy_modified(args=_dim_types(ctx, dims, names))

    return build


def _build_batchnorm(ctx: FunctionContext, t: Instance, names: translate.Names) -> Instance:
    out = _sized("channels")(ctx, t, names)
    return _with_extra(out, [_activation(ctx)], _str_type(ctx))


def _batchnorm_config(t: Instance) -> Optional[LayerConfig]:
    if len(t.args) != 1:
        return None
    extra = _extra(t)
    return BatchNormConfig(_dims(t)[0], extra[0] if extra else "?")


def _build_attention(ctx: FunctionContext, t: Instance, names: translate.Names) -> Instance:
    out = _sized("d")(ctx, t, names)
    got = _arg(ctx, "nheads")
    heads = static_int(got[0], type_lookup(ctx.api)) if got is not None else 8
    if isinstance(heads, NotStatic):
        return out
    return _with_extra(out, [str(heads)], _str_type(ctx))


def _attention_config(t: Instance) -> Optional[LayerConfig]:
    extra = _extra(t)
    if len(t.args) != 1 or not extra:
        return None
    try:
        return AttentionConfig(_dims(t)[0], int(extra[0]))
    except ValueError:
        return None  # d not divisible by nheads: the constructor's own error, not a shape one


def _build_adaptive(ctx: FunctionContext, t: Instance, names: translate.Names) -> Instance:
    v = _pair_arg(ctx, "out_hw")
    if isinstance(v, int):
        v = (v, v)
    if not isinstance(v, tuple) or len(v) != 2:
        return t
    return t.copy_modified(args=_dim_types(ctx, list(v), names))


def _config_of(
    make: Callable[..., LayerConfig], arity: int
) -> Callable[[Instance], Optional[LayerConfig]]:
    def config(t: Instance) -> Optional[LayerConfig]:
        return make(*_dims(t)) if len(t.args) == arity else None

    return config


def _recurrent(kind: str) -> LayerClass:
    return LayerClass(
        kind,
        _sized("in_features", "hidden"),
        _config_of(lambda a, b: RecurrentConfig(kind, a, b), 2),
    )


LAYER_CLASSES: Dict[str, LayerClass] = {
    "Dense": LayerClass("Dense", _build_dense, _dense_config),
    "Conv": LayerClass("Conv", _build_conv, _conv_config(False)),
    "ConvTranspose": LayerClass("ConvTranspose", _build_conv, _conv_config(True)),
    "MaxPool": LayerClass("MaxPool", _build_pool, _pool_config("MaxPool")),
    "MeanPool": LayerClass("MeanPool", _build_pool, _pool_config("MeanPool")),
    "Flatten": LayerClass("Flatten", lambda c, t, n: t, lambda t: FlattenConfig()),
    "Dropout": LayerClass("Dropout", _build_dropout, _dropout_config),
    "GlobalMaxPool": LayerClass(
        "GlobalMaxPool", lambda c, t, n: t, lambda t: GlobalPoolConfig("GlobalMaxPool")
    ),
    "GlobalMeanPool": LayerClass(
        "GlobalMeanPool", lambda c, t, n: t, lambda t: GlobalPoolConfig("GlobalMeanPool")
    ),
    "AdaptiveMeanPool": LayerClass(
        "AdaptiveMeanPool", _build_adaptive, _config_of(lambda a, b: AdaptivePoolConfig((a, b)), 2)
    ),
    "BatchNorm": LayerClass("BatchNorm", _build_batchnorm, _batchnorm_config),
    "LayerNorm": LayerClass("LayerNorm", _sized("d"), _config_of(LayerNormConfig, 1)),
    "Embedding": LayerClass("Embedding", _sized("vocab", "dim"), _config_of(EmbeddingConfig, 2)),
    "RNN": _recurrent("RNN"),
    "LSTM": _recurrent("LSTM"),
    "GRU": _recurrent("GRU"),
    "MultiHeadAttention": LayerClass("MultiHeadAttention", _build_attention, _attention_config),
}
"""Layer classes the plugin knows by (short) class name, in ``typedflux.layers``."""


# -- chain items from types -----------------------------------------------------------------


def _function_item(t: CallableType, signatures: bool) -> ChainItem:
    """A function used as a layer: a typedflux op (``tf.relu``) by its rule with defaults;
    with ``signatures``, a typed user function by its signature (parameters bound, return
    type substituted), as ``@tf.shapecheck`` would check it."""
    definition = t.definition
    fullname = getattr(definition, "fullname", None)
    route = ROUTES.by_function_fullname.get(fullname) if isinstance(fullname, str) else None
    if route is None:
        if not signatures or not isinstance(fullname, str) or not t.arg_types:
            return None
        if translate.tensor_pattern(t.arg_types[0]) is None:
            return None
        name = fullname.rsplit(".", 1)[-1]
        by_signature = _signature_rule(t, qualname_of(t, name))
        return (name, lambda x: by_signature([x]))
    spec = route.spec
    if not spec.args or spec.args[0].kind is not Kind.TENSOR:
        return None
    rest = spec.args[1:]
    if any(a.required for a in rest):
        return None
    defaults = {a.name: a.default for a in rest if a.kind is not Kind.IGNORED}
    first = spec.args[0].name
    rule = spec.rule

    def apply(x: Shape) -> Shape:
        return tuple(rule(**{first: x, **defaults}))

    name = fullname.rsplit(".", 1)[-1] if isinstance(fullname, str) else spec.name
    return (name, apply)


def chain_item(t: Type, signatures: bool = False) -> ChainItem:
    """How Chain checks see a value of type ``t``: a config, ``(repr, rule)`` or None.

    ``signatures`` (when a Chain is called, not when it is built, as at run time): user
    functions are followed through their typed signatures.
    >>> from mypy.types import AnyType, TypeOfAny
    >>> chain_item(AnyType(TypeOfAny.special_form)) is None  # unknown: Chain checks restart after it
    True
    """
    p = get_proper_type(t)
    if isinstance(p, CallableType):
        return _function_item(p, signatures)
    if not isinstance(p, Instance):
        return None
    cls = _layer_class(p)
    if cls is not None:
        return cls.config(p)
    if p.type.name == CHAIN and p.type.fullname.startswith("typedflux."):
        items = _chain_items(p, signatures)
        if items is None:
            return None
        reprs = [_item_repr(i) for i in items]
        if any(r is None for r in reprs):
            return None
        frozen = list(items)
        extra = _extra(p) if not p.args else None  # a named Chain keeps its names here
        names = extra if extra is not None and len(extra) == len(reprs) else None
        return (
            chain_repr([r for r in reprs if r is not None], names),
            _as_container(lambda x: chain_rule(frozen, x)),
        )
    if p.type.fullname.startswith("typedflux.") and p.type.name in (SKIP, PARALLEL):
        return _container_item(p, signatures)
    return None


def _as_container(run: Callable[[Shape], Shape]) -> Callable[[Shape], Shape]:
    # Inside a container the runtime's Chain names the container, not the inner layer
    # ("Chain layer 2 SkipConnection(...): <inner message>"): a plain ShapeError gets that.
    def wrapped(x: Shape) -> Shape:
        try:
            return run(x)
        except LayerInputError as err:
            raise ShapeError(err.message, err.notes) from None

    return wrapped


def _connection(t: Type) -> Optional[Tuple[str, Callable[[List[Shape]], Shape]]]:
    """A connection function (``tf.add``, ``tf.cat``, a typed user function) as a rule over
    the shapes it joins, with the name the runtime's repr shows (its ``__name__``)."""
    p = get_proper_type(t)
    if not isinstance(p, CallableType):
        return None
    fullname = getattr(p.definition, "fullname", None)
    name = fullname.rsplit(".", 1)[-1] if isinstance(fullname, str) else (p.name or "?")
    route = ROUTES.by_function_fullname.get(fullname) if isinstance(fullname, str) else None
    if route is not None:
        spec = route.spec
        defaults = {a.name: a.default for a in spec.args[1:] if a.kind is not Kind.IGNORED}
        if spec.args and spec.args[0].kind is Kind.TENSORS:
            first = spec.args[0].name
            return name, lambda shapes: tuple(spec.rule(**{first: tuple(shapes)}, **defaults))
        if len(spec.args) >= 2 and all(a.kind is Kind.TENSOR for a in spec.args[:2]):
            a, b = spec.args[0].name, spec.args[1].name

            def pair(shapes: List[Shape]) -> Shape:
                if len(shapes) != 2:
                    raise CannotTell("a two-operand connection joins two shapes")
                return tuple(spec.rule(**{a: shapes[0], b: shapes[1]}))

            return name, pair
        return None
    if fullname is None or p.variables and not all(
        isinstance(v, TypeVarType) for v in p.variables
    ):
        return None
    return name, _signature_rule(p, qualname_of(p, name))


def qualname_of(p: CallableType, name: str) -> str:
    """The runtime ``__qualname__`` of a connection (``Block.join`` for a method).

    >>> callable(qualname_of)  # exercised by tests/typecheck/case_containers.py
    True
    """
    definition = p.definition
    info = getattr(definition, "info", None)
    try:
        owner = info.name if info is not None else ""
    except AttributeError:  # a module-level function's info is a placeholder
        owner = ""
    return f"{owner}.{name}" if owner else name


def _signature_rule(p: CallableType, name: str) -> Callable[[List[Shape]], Shape]:
    """A typed user function as a rule: bind its parameters' dims, give its return shape."""
    patterns = [translate.tensor_pattern(a) for a in p.arg_types]
    ret = translate.shape_of(p.ret_type)

    def rule(shapes: List[Shape]) -> Shape:
        env = Bindings(name)
        for i, shape in enumerate(shapes):
            if i >= len(patterns):
                raise CannotTell("more inputs than parameters")
            pattern = patterns[i]
            if pattern is not None:
                env.bind(f'argument "{p.arg_names[i] or i}"', pattern, shape)
        if ret is None:
            raise CannotTell("the connection's result is not a Tensor")
        return env.substitute(ret)

    return rule


def _container_item(p: Instance, signatures: bool) -> ChainItem:
    attrs = p.extra_attrs.attrs if p.extra_attrs else {}
    conn = _connection(attrs[CONNECTION]) if CONNECTION in attrs else None
    inner = get_proper_type(attrs.get(INNER)) if INNER in attrs else None
    if conn is None or inner is None:
        return None
    conn_name, join = conn
    if p.type.name == SKIP:
        item = chain_item(inner, signatures)
        if item is None:
            return None
        run = item.rule if isinstance(item, LayerConfig) else item[1]
        text = skip_repr(_item_repr(item) or "?", conn_name)
        return (text, _as_container(lambda x: join([run(x), x])))
    if not isinstance(inner, TupleType):
        return None
    items = [chain_item(i, signatures) for i in inner.items]
    if any(i is None for i in items):
        return None
    runs = [i.rule if isinstance(i, LayerConfig) else i[1] for i in items if i is not None]
    text = parallel_repr(conn_name, [_item_repr(i) or "?" for i in items])
    return (text, _as_container(lambda x: join([r(x) for r in runs])))


def _item_repr(item: ChainItem) -> Optional[str]:
    if item is None:
        return None
    if isinstance(item, LayerConfig):
        return item.repr()
    return item[0]


def _layer_class(t: Instance) -> Optional[LayerClass]:
    for info in t.type.mro:
        if info.fullname.startswith("typedflux.") and info.name in LAYER_CLASSES:
            return LAYER_CLASSES[info.name]
    return None


def _chain_items(t: Instance, signatures: bool = False) -> Optional[List[ChainItem]]:
    if any(isinstance(a, UnpackType) for a in t.args):
        return None  # a Chain of unknown layers (Chain[*tuple[Any, ...]])
    layers = list(t.args)
    attrs = t.extra_attrs.attrs if t.extra_attrs else {}
    named = get_proper_type(attrs.get(INNER)) if not layers and INNER in attrs else None
    if isinstance(named, TupleType):
        layers = list(named.items)
    return [chain_item(a, signatures) for a in layers]


def _with_named_layers(ctx: FunctionContext, names: List[str], types: List[Type]) -> Type:
    """A named Chain's type is ``Chain[()]``: its layers' types ride along on the instance."""
    t = get_proper_type(ctx.default_return_type)
    if not isinstance(t, Instance):
        return ctx.default_return_type
    fallback = ctx.api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    attrs = dict(t.extra_attrs.attrs) if t.extra_attrs else {}
    attrs[INNER] = TupleType(types, fallback)
    attrs[EXTRA] = LiteralType("|".join(names), _str_type(ctx))
    out = t.copy_modified()
    out.extra_attrs = ExtraAttrs(attrs, {INNER, EXTRA}, None)
    return out


# -- hooks ----------------------------------------------------------------------------------


def layer_constructor_hook(cls: LayerClass) -> Callable[[FunctionContext], Type]:
    """``Dense(784, 32, relu)`` -> ``Dense[Literal[784], Literal[32]]`` (+ repr options).

    >>> callable(layer_constructor_hook(LAYER_CLASSES["Dense"]))
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        t = get_proper_type(ctx.default_return_type)
        if not isinstance(t, Instance):
            return ctx.default_return_type
        return cls.build(ctx, t, translate.Names())

    return guarded(f'"{cls.name}"', hook, lambda ctx: ctx.default_return_type)


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
            (translate.Star(None),), template, names, _int_type(ctx), _str_type(ctx),
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
        out, template, names, _int_type(ctx), _str_type(ctx),
        ctx.api.named_generic_type("builtins.tuple", [any_type]),
    )
    return sig.copy_modified(
        arg_types=[any_type] * len(sig.arg_types), ret_type=ret, variables=[]
    )


def _one_input(rule: Callable[[Shape], Shape], xs: List[Shape]) -> Shape:
    if len(xs) != 1:
        raise CannotTell("called with several inputs")
    return rule(xs[0])


def _apply_config(config: LayerConfig, xs: List[Shape]) -> Shape:
    # Attention takes (q, k, v) as well as one input (self-attention).
    if len(xs) == 3 and isinstance(config, AttentionConfig):
        return config.rule3(xs[0], xs[1], xs[2])
    return _one_input(config.rule, xs)


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
            return _call_signature(ctx, lambda xs: _apply_config(item, xs))
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
        items = _chain_items(t, signatures=True)
        if not items:
            return ctx.default_signature
        try:
            check_chain(_chain_items(t) or [])
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
        attrs = dict(t.extra_attrs.attrs) if t.extra_attrs else {}
        attrs[INNER] = inner
        attrs[CONNECTION] = conn[1]
        out = t.copy_modified()
        out.extra_attrs = ExtraAttrs(attrs, {INNER, CONNECTION}, None)
        return out

    return guarded(f'"{kind}"', hook, lambda ctx: ctx.default_return_type)
