"""Reading layer types: a constructor call to a layer type, and a layer type back to its config.

Everything here is derived from the layer specs (``typedflux.shapes.layer_spec.LAYERS``):

- ``Dense(784, 32, relu)`` reads each argument by its kind (a size as a dim, a window as a
  pair of ints, an activation by its name...), runs the spec's checks (``Dense(-1, 3)``,
  ``MultiHeadAttention(64, 6)`` are ``[shape]`` errors on the argument) and builds the
  config; its type is ``Dense[Literal[784], Literal[32]]`` (the spec's type arguments), with
  what the type parameters cannot hold (activation, ``bias``) in a private extra attribute of
  the instance, so messages name ``Dense(784 => 32, relu)`` exactly as the runtime does;
- :func:`layer_config` reads a layer type (built so, or written by hand as ``Dense[784, 32]``)
  back into its config.

Containers (``Chain``, ``SkipConnection``, ``Parallel``) keep their parts' types in extra
attributes too (:func:`with_attrs`).

>>> spec_of_name("Dense").name
'Dense'
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, cast

from mypy.maptype import map_instance_to_supertype
from mypy.nodes import (
    ArgKind as MypyArgKind,
    Decorator,
    Expression,
    FloatExpr,
    FuncBase,
    IntExpr,
    LambdaExpr,
    MemberExpr,
    NameExpr,
    RefExpr,
    UnaryExpr,
)
from mypy.plugin import FunctionContext
from mypy.types import (
    AnyType,
    ExtraAttrs,
    Instance,
    LiteralType,
    Type,
    TypeOfAny,
    get_proper_type,
)

from mypy_plugin import per_build, translate
from mypy_plugin.callbacks.bodies import with_lambda
from mypy_plugin.callbacks.common import report_shape_error, type_lookup
from mypy_plugin.values import NotStatic, static_bool, static_int, static_ints, static_value
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.errors import LayerArgumentError
from typedflux.shapes.layer_args import ArgKind
from typedflux.shapes.layer_config import LayerConfig, Shape, is_int
from typedflux.shapes.layer_spec import LAYERS, LayerSpec
from typedflux.shapes.layers_attention import AttentionConfig

__all__ = [
    "unknown_chain",
    "EXTRA",
    "INNER",
    "CONNECTION",
    "BROKEN",
    "spec_of_name",
    "spec_of_type",
    "build_layer_type",
    "layer_type_of",
    "masked_rule",
    "read_param",
    "layer_config",
    "extra_fields",
    "with_attrs",
    "int_type",
    "str_type",
]

EXTRA = "__typedflux_layer__"  # the private attribute carrying repr-only layer options
INNER = "__typedflux_inner__"  # a container's layer type(s)
CONNECTION = "__typedflux_connection__"  # a container's connection function type
BROKEN = "__typedflux_broken__"  # a Chain reported where it was built (it never exists)


def spec_of_name(name: str) -> Optional[LayerSpec]:
    """The spec of a layer class by its (short) name, if it has one."""
    return LAYERS.get(name)


def spec_of_type(t: Instance) -> Optional[Tuple[LayerSpec, Instance]]:
    """The spec of a layer instance type (its own class or the nearest typedflux base) and
    the instance seen as that class (a user subclass passes its own type arguments up)."""
    for info in t.type.mro:
        if info.fullname.startswith("typedflux.") and info.name in LAYERS:
            return LAYERS[info.name], map_instance_to_supertype(t, info)
    return None


# ``int`` and ``str`` for this build (asked for every dim and text a layer type holds: ~8.5k
# new Instances a build, which the garbage collector walked; one each serves, as the
# fallback of every Literal made from them; a type is never changed in place, only copied).
# Emptied by the plugin's set_modules (a new build has new TypeInfos).
_BUILTINS: Dict[str, Instance] = {}
per_build.forget_each_build(_BUILTINS)


def _builtin(ctx: Any, fullname: str) -> Instance:
    found = _BUILTINS.get(fullname)
    if found is None:
        found = _BUILTINS[fullname] = cast(Instance, ctx.api.named_generic_type(fullname, []))
    return found


def int_type(ctx: Any) -> Instance:
    return _builtin(ctx, "builtins.int")


def str_type(ctx: Any) -> Instance:
    return _builtin(ctx, "builtins.str")


# -- reading constructor arguments ----------------------------------------------------------


def _arg(ctx: FunctionContext, name: str) -> Optional[Tuple[Expression, Type]]:
    names = ctx.callee_arg_names
    if name not in names:
        return None
    i = names.index(name)
    if len(ctx.args[i]) != 1 or ctx.arg_kinds[i][0] in (
        MypyArgKind.ARG_STAR, MypyArgKind.ARG_STAR2
    ):
        return None
    return ctx.args[i][0], with_lambda(ctx.args[i][0], ctx.arg_types[i][0])


def _activation_text(e: Expression) -> str:
    # The runtime repr shows the function's __name__: its def name (not the name it was
    # imported as), or "<lambda>". A variable holding some function (``act``, ``self.act``)
    # is shown by its name, as written (the run time shows the function it holds); any
    # other expression is "?".
    if isinstance(e, RefExpr) and isinstance(e.node, (FuncBase, Decorator)):
        return e.node.name
    if isinstance(e, LambdaExpr):
        return "<lambda>"
    return _dotted(e) or "?"


def _dotted(e: Expression) -> Optional[str]:
    """``act``, ``self.act``, ``cfg.model.act``: a name or attributes of names, else None."""
    if isinstance(e, NameExpr):
        return e.name
    if isinstance(e, MemberExpr):
        owner = _dotted(e.expr)
        return None if owner is None else f"{owner}.{e.name}"
    return None


def _real_text(e: Expression) -> str:
    if isinstance(e, (FloatExpr, IntExpr)):
        return str(e.value)  # as the runtime's f"{p}" prints it
    if isinstance(e, UnaryExpr) and e.op == "-" and isinstance(e.expr, (FloatExpr, IntExpr)):
        return str(-e.expr.value)
    return "?"


def _read(ctx: FunctionContext, kind: ArgKind, e: Expression, names: translate.Names,
          default: Any) -> Any:
    lookup = type_lookup(ctx.api)
    if kind is ArgKind.SIZE:
        d = translate.dim_of_expr(e, lookup, names)
        return translate.UNKNOWN if d is None else d
    if kind in (ArgKind.WINDOW, ArgKind.OPTIONAL_WINDOW, ArgKind.PADDING):
        if kind is ArgKind.OPTIONAL_WINDOW and isinstance(e, NameExpr) and (
            e.fullname == "builtins.None"
        ):
            return None
        v = static_int(e, lookup)
        if not isinstance(v, NotStatic):
            return (v, v)
        vs = static_ints(e, lookup)
        return vs if isinstance(vs, tuple) and len(vs) == 2 else translate.UNKNOWN
    if kind is ArgKind.CONV_PADDING:
        # An int, a pair, a 4-tuple or "same" (the spec normalises and resolves it).
        v = static_value(e, lookup)
        if v == "same" or is_int(v):
            return v
        if isinstance(v, tuple) and len(v) in (2, 4) and all(is_int(a) for a in v):
            return v
        return translate.UNKNOWN
    if kind is ArgKind.CHOICE:
        v = static_value(e, lookup)
        return v if isinstance(v, str) else "?"
    if kind is ArgKind.ACTIVATION:
        return _activation_text(e)
    if kind is ArgKind.FLAG:
        b = static_bool(e, lookup)
        return default if isinstance(b, NotStatic) else b
    if kind is ArgKind.REAL:
        return _real_text(e)
    return default  # MODE, GENERATOR: not part of the config


# Each spec's flag arguments (read for every constructor argument; a spec never changes).
_FLAGS: Dict[int, Tuple[LayerSpec, Tuple[str, ...]]] = {}


def _flag_args(spec: LayerSpec) -> Tuple[str, ...]:
    known = _FLAGS.get(id(spec))
    if known is None or known[0] is not spec:
        known = _FLAGS[id(spec)] = (spec, spec.flag_args())
    return known[1]


def read_param(ctx: Any, spec: LayerSpec, name: str, e: Expression,
               names: translate.Names) -> Any:
    """The value of one constructor argument written as ``e``, as ``configure_static`` takes
    it (a flag the type holds and mypy cannot read is unknown, not its default)."""
    p = next(q for q in spec.params if q.name == name)
    v = _read(ctx, p.kind, e, names, p.default)
    if name in _flag_args(spec) and isinstance(static_bool(e, type_lookup(ctx.api)), NotStatic):
        return translate.UNKNOWN  # the flag decides the result's type (return_state)
    return v


def build_layer_type(ctx: FunctionContext, spec: LayerSpec, t: Instance) -> Instance:
    """``Dense(784, 32, relu)`` -> ``Dense[Literal[784], Literal[32]]`` (+ repr options).

    A constructor call no input could make valid (``Dense(-1, 3)``) is a ``[shape]`` error
    on the argument at fault; its type then carries no config (nothing is checked later).
    """
    names = translate.Names()
    values: Dict[str, Any] = {}
    where: Dict[str, Expression] = {}
    for p in spec.params:
        got = _arg(ctx, p.name)
        if got is None:
            continue
        where[p.name] = got[0]
        values[p.name] = read_param(ctx, spec, p.name, got[0], names)
    return layer_type_of(ctx, spec, t, values, where, names)


# The static form (type arguments, extras) of a config, by the spec and the values read
# (~3.9k constructor calls a build over the examples and snapshot cases, a few hundred
# distinct): ``configure_static`` and ``static_form`` are pure functions of the two. A value is
# keyed with its type (``True`` and ``1`` hash alike); a value that does not hash is not kept,
# nor is a call that raises (its error is reported each time). Emptied by set_modules.
_FORMS: Dict[Tuple[Any, ...], Tuple[LayerSpec, Tuple[Any, ...], Tuple[str, ...]]] = {}
per_build.forget_each_build(_FORMS)


def _typed(v: Any) -> Any:
    if type(v) is tuple:
        return tuple(_typed(x) for x in v)
    return (type(v), v)


def _values_key(spec: LayerSpec, values: Dict[str, Any]) -> Optional[Tuple[Any, ...]]:
    key = (id(spec), tuple((k, _typed(v)) for k, v in values.items()))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def layer_type_of(ctx: Any, spec: LayerSpec, t: Instance, values: Dict[str, Any],
                  where: Dict[str, Expression], names: translate.Names) -> Instance:
    """``t`` with the type arguments and extras of the config ``values`` make (arguments
    not in ``values`` take their defaults); a value no input could make valid is a
    ``[shape]`` error on its expression in ``where`` (``t`` unchanged then)."""
    key = _values_key(spec, values)
    known = _FORMS.get(key) if key is not None else None
    args: Sequence[Any]
    extras: Sequence[str]
    if known is not None and known[0] is spec:
        args, extras = known[1], known[2]
    else:
        try:
            cfg = spec.configure_static(values)
        except LayerArgumentError as err:
            report_shape_error(ctx.api, err, where.get(err.argument, ctx.context))
            return t
        except (CannotTell, ValueError, TypeError):
            return t  # not a shape error (a value mypy cannot judge): the runtime's business
        args, extras = spec.static_form(cfg)
        if key is not None:
            _FORMS[key] = (spec, tuple(args), tuple(extras))
    any_type = AnyType(TypeOfAny.special_form)
    types: List[Type] = []
    for v in args:
        if v is None:
            types.append(any_type)
        elif isinstance(v, bool):  # a flag held as a type argument (return_state)
            types.append(LiteralType(v, ctx.api.named_generic_type("builtins.bool", [])))
        elif isinstance(v, str):
            types.append(LiteralType(v, str_type(ctx)))
        else:
            types.append(translate.type_of_dim(v, names, int_type(ctx), str_type(ctx)))
    out = t.copy_modified(args=types)
    return with_attrs(out, {EXTRA: LiteralType("|".join(extras), str_type(ctx))}) if extras else out


# -- reading a layer type back ----------------------------------------------------------------


def extra_fields(t: Instance) -> Optional[List[str]]:
    """The text fields stored in a layer or named Chain type, or None."""
    if not t.extra_attrs or EXTRA not in t.extra_attrs.attrs:
        return None
    v = get_proper_type(t.extra_attrs.attrs[EXTRA])
    if isinstance(v, LiteralType) and isinstance(v.value, str):
        return v.value.split("|")
    return None


# Layer types read back this build: id -> (the type, its type arguments, its extra
# attributes, the config). The same type object is read again and again (each chain item,
# each call of a layer, each boundary); the config is a function of the type's class, its
# type arguments and its extra attributes alone, so a hit must find the very same objects
# there (a type mypy or the plugin rebuilt or changed is read anew). The entry keeps the type
# alive, so its id is not reused while it is held. Emptied by the plugin's set_modules.
_CONFIGS: Dict[int, Tuple[Instance, Any, Any, Optional[LayerConfig]]] = {}
per_build.forget_each_build(_CONFIGS)


def layer_config(t: Instance) -> Optional[LayerConfig]:
    """The config a layer type holds (see the module docstring), or None.

    A type written by hand (``Dense[Literal[256], Literal[10]]``) does not say which
    activation the layer has: it shows as ``?`` in messages, like an unknown dim; a conv
    written without its window still checks its channels.
    """
    known = _CONFIGS.get(id(t))
    if known is not None and known[0] is t and known[1] is t.args and \
            known[2] is t.extra_attrs:
        return known[3]
    cfg = _layer_config(t)
    _CONFIGS[id(t)] = (t, t.args, t.extra_attrs, cfg)
    return cfg


# The config of a type's arguments and extras, by the spec (``from_static`` is a pure function
# of the three; the configs are frozen): the same layer written in many places, or rebuilt by
# mypy, is one entry. Emptied by the plugin's set_modules.
_FROM_STATIC: Dict[Tuple[Any, ...], Tuple[LayerSpec, Optional[LayerConfig]]] = {}
per_build.forget_each_build(_FROM_STATIC)


def _layer_config(t: Instance) -> Optional[LayerConfig]:
    found = spec_of_type(t)
    if found is None:
        return None
    spec, seen = found
    windows = spec.window_args()
    flags = _flag_args(spec)
    args: List[Any] = []
    for name, a in zip(spec.type_args, seen.args):
        if name in flags:
            p = get_proper_type(a)
            args.append(p.value if isinstance(p, LiteralType) and isinstance(p.value, bool)
                        else None)
        elif name in windows:
            p = get_proper_type(a)
            args.append(p.value if isinstance(p, LiteralType) and isinstance(p.value, str)
                        else None)
        else:
            args.append(translate.dim_of_type(a, default=translate.UNKNOWN) or translate.UNKNOWN)
    if len(args) != len(spec.type_args):
        return None
    extras = extra_fields(t)
    key = (id(spec), tuple(_typed(a) for a in args), None if extras is None else tuple(extras))
    try:
        known = _FROM_STATIC.get(key)
    except TypeError:  # (a dim that does not hash: read anew)
        return spec.from_static(args, extras)
    if known is not None and known[0] is spec:
        return known[1]
    cfg = spec.from_static(args, extras)
    _FROM_STATIC[key] = (spec, cfg)
    return cfg


def with_attrs(t: Instance, attrs: Dict[str, Type]) -> Instance:
    """``t`` with extra attributes set (the plugin's private notes on an instance type)."""
    merged = dict(t.extra_attrs.attrs) if t.extra_attrs else {}
    merged.update(attrs)
    out = t.copy_modified()
    out.extra_attrs = ExtraAttrs(merged, set(merged), None)
    return out


def unknown_chain(ctx: Any, t: Type) -> Type:
    """A Chain that failed where it was built, marked ``BROKEN``: an enclosing Chain sees an
    unknown layer (at run time it never exists), and calls and slices are not checked again.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> t = AnyType(TypeOfAny.special_form)
    >>> unknown_chain(None, t) is t  # (not an instance: nothing to mark)
    True
    """
    p = get_proper_type(t)
    if not isinstance(p, Instance):
        return t
    return with_attrs(p, {BROKEN: LiteralType("broken", str_type(ctx))})


def tuple_any(ctx: Any) -> Instance:
    """``tuple[Any, ...]``."""
    return cast(
        Instance,
        ctx.api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)]),
    )


def named_layer_types(names: Sequence[str], ctx: Any) -> LiteralType:
    """The names of a named Chain's layers as the extra text field."""
    return LiteralType("|".join(names), str_type(ctx))


def with_mask(ctx: Any, item: Any) -> Callable[[Sequence[Shape]], Shape]:
    """An attention call's rule, with its ``mask=`` checked against the scores when the mask
    is a tensor of known shape (``item.call`` otherwise).

    >>> callable(with_mask)
    True
    """
    config = item.config
    names = ctx.default_signature.arg_names
    if not isinstance(config, AttentionConfig) or "mask" not in names:
        return cast(Callable[[Sequence[Shape]], Shape], item.call)
    actuals = ctx.args[names.index("mask")]
    mask = None
    if len(actuals) == 1:
        with ctx.api.msg.filter_errors(filter_revealed_type=True):
            mask = translate.shape_of(ctx.api.get_expression_type(actuals[0]))
    return masked_rule(item, mask)


def masked_rule(item: Any, mask: Optional[Shape]) -> Callable[[Sequence[Shape]], Shape]:
    """An attention layer's rule (``item``: chain_items.py) on its inputs, then its ``mask``
    of that shape checked against the scores (``item.call`` when ``mask`` is None or the
    layer is not attention): the rule of ``mha(q, k, v, mask=m)``, at module level
    (:func:`with_mask`) and in a body (flow_keywords.py).

    >>> from types import SimpleNamespace
    >>> config = AttentionConfig(32, 4)
    >>> item = SimpleNamespace(config=config, call=config.call)
    >>> masked_rule(item, None)([(2, 7, 32)])
    (2, 7, 32)
    >>> masked_rule(item, (6, 6))([(2, 7, 32)] * 3)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot broadcast for "MultiHeadAttention(32, nheads=4)": mask has Tensor[6, 6], scores has Tensor[2, 4, 7, 7]; need equal sizes or 1 at axis -2 (6 vs 7)
    """
    config = getattr(item, "config", None)
    if mask is None or not isinstance(config, AttentionConfig):
        return cast(Callable[[Sequence[Shape]], Shape], item.call)

    def run(xs: Sequence[Shape]) -> Shape:
        out = config.call(xs)
        config.mask_rule(xs[0], xs[1] if len(xs) == 3 else xs[0], mask)
        return out

    return run

