"""Resolving chain items: how the Chain checks see a value of some type.

The same kinds of items the runtime builds (``typedflux.layers.callables.shape_item``), read
from types: a built-in layer is its config (read from its type); a typedflux op used as a
layer (``tf.relu``) or a connection (``tf.add``) is its shape rule, a function returning its
argument's own type (``tf.identity``) passes the shape through, and a typed user function or
a class whose ``__call__`` is typed is its signature (all through
:mod:`typedflux.shapes.compose`); a nested ``Chain``, ``SkipConnection`` or ``Parallel`` is
the rule of its parts. Anything else is unknown (``None``): the checks restart after it.

>>> from mypy.types import AnyType, TypeOfAny
>>> chain_item(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from mypy.subtypes import find_member
from mypy.types import (
    CallableType,
    Instance,
    TupleType,
    Type,
    TypeVarType,
    UnpackType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.bodies import body_join
from mypy_plugin.callbacks.forwarded_lambdas import forwarded_join
from mypy_plugin.callbacks.layer_bodies import user_layer_rule
from mypy_plugin.callbacks.layer_types import (
    BROKEN,
    CONNECTION,
    INNER,
    extra_fields,
    layer_config,
    spec_of_type,
)
from mypy_plugin.callbacks.user_reprs import user_text_of_metadata
from mypy_plugin.routing import ROUTES, Route
from mypy_plugin import per_build
from typedflux.shapes import compose
from typedflux.shapes.chains import (
    Item,
    chain_of,
    chain_rule,
    layer_item,
    parallel_item,
    rule_item,
    skip_item,
)
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.fusions import fusion_shapes, maxout_item
from typedflux.shapes.layer_config import Shape

__all__ = [
    "CHAIN",
    "SKIP",
    "PARALLEL",
    "CONTAINERS",
    "MAXOUT",
    "FUSION",
    "FUSIONS",
    "chain_item",
    "chain_items",
    "chain_output",
    "connection",
    "container_parts",
    "fusion_run",
    "qualname_of",
]

CHAIN = "Chain"
SKIP = "SkipConnection"
PARALLEL = "Parallel"
CONTAINERS = (SKIP, PARALLEL)
MAXOUT = "Maxout"
FUSION = "PairwiseFusion"
FUSIONS = (MAXOUT, FUSION)  # typedflux.shapes.fusions: their constructors note their parts


def _fullname(t: CallableType) -> Optional[str]:
    name = getattr(t.definition, "fullname", None)
    return name if isinstance(name, str) else None


def _is_passthrough(t: CallableType) -> bool:
    """``def f(x: T) -> T`` with a plain TypeVar: the result has the argument's type."""
    if not t.arg_types:
        return False
    first, ret = t.arg_types[0], t.ret_type
    return (
        isinstance(first, TypeVarType) and isinstance(ret, TypeVarType)
        and first.id == ret.id and translate.dim_of_type(first) is None
    )


def _signature(
    t: CallableType, name: str
) -> Optional[Tuple[compose.JoinRule, Optional[Tuple[Any, ...]]]]:
    """A typed callable's join rule and the input its first parameter asks for."""
    if _is_passthrough(t):
        return compose.passthrough_rule, None
    params = [
        (t.arg_names[i] or str(i), translate.tensor_pattern(a))
        for i, a in enumerate(t.arg_types)
    ]
    if not any(p is not None for _, p in params):
        return None
    return compose.signature_rule(name, params, translate.shape_of(t.ret_type)), params[0][1]


def _named_route(t: CallableType) -> Optional[Tuple[str, Optional[Route]]]:
    """A function's short name and, for a typedflux op, its route (None: a function mypy
    gives no name)."""
    fullname = _fullname(t)
    if fullname is None:
        return None
    return fullname.rsplit(".", 1)[-1], ROUTES.by_function_fullname.get(fullname)


def _function_item(t: CallableType) -> Optional[Item]:
    """A function used as a layer: a typedflux op (``tf.relu``) by its rule with defaults,
    a typed user function by its signature, as ``@tf.shapecheck`` would check it; a lambda
    or a single-return ``def`` by its body (:mod:`mypy_plugin.callbacks.bodies`)."""
    named = _named_route(t)
    if named is not None:
        name, route = named
        if route is not None:
            rule = compose.op_layer_rule(route.spec)
            return None if rule is None else rule_item(name, rule)
        sig = _signature(t, qualname_of(t, name))
        if sig is not None:
            join, template = sig
            return rule_item(name, lambda x: join([x]), template)
    body = body_join(t)
    if body is None:
        return None
    item = rule_item(_body_name(t), lambda x: body([x]))
    _BODY_ITEMS[id(item)] = item
    return item


# Items whose rule is a function's body: unknown where it is not understood, so a Chain's
# output restarts after them as after a layer with no rule (chain_output).
_BODY_ITEMS: Dict[int, Item] = {}
per_build.forget_each_build(_BODY_ITEMS)  # (holds mypy nodes: this build's only)


def _body_name(t: CallableType) -> str:
    """The ``__name__`` the run time shows for a lambda or a ``def``."""
    return str(getattr(t.definition, "name", "<lambda>"))


def _user_layer_item(p: Instance) -> Optional[Item]:
    """An instance of a user class whose ``__call__`` is typed: a layer by its signature,
    named as the runtime names it (``Block()``, unless the class has a repr of its own)."""
    if p.type.get_method("__call__") is None:
        return None
    call = get_proper_type(find_member("__call__", p, p, is_operator=True))
    if not isinstance(call, CallableType):
        return None
    sig = _signature(call, f"{_call_owner(p)}.__call__")
    if sig is None:  # ``__call__(self, x: Tensor)``: its body, if read (layer_bodies.py)
        rule = user_layer_rule(p)
        if rule is None:
            return None
        item = rule_item(_instance_text(p), rule)
        _BODY_ITEMS[id(item)] = item
        return item
    join, template = sig
    return rule_item(_instance_text(p), lambda x: join([x]), template)


def _call_owner(p: Instance) -> str:
    for info in p.type.mro:
        if "__call__" in info.names:
            return info.name
    return p.type.name


def _instance_text(p: Instance) -> str:
    for info in p.type.mro:
        if info.fullname == "builtins.object" or info.fullname.startswith("typedflux."):
            break  # (tf.Layer's repr names a subclass without a spec as Block())
        if "__repr__" in info.names:
            # A repr of its own: its literal when it returns one, else the class's name.
            return user_text_of_metadata(info.metadata, p.type.name)
    return f"{p.type.name}()"


def chain_item(t: Type) -> Optional[Item]:
    """How Chain checks see a value of type ``t`` (None: unknown)."""
    p = get_proper_type(t)
    if isinstance(p, CallableType):
        return _function_item(p)
    if not isinstance(p, Instance):
        return None
    if spec_of_type(p) is not None:
        cfg = layer_config(p)
        return None if cfg is None else layer_item(cfg)
    typedflux = p.type.fullname.startswith("typedflux.")
    if typedflux and p.type.name == CHAIN:
        items = chain_items(p)
        if items is None:
            return None
        extra = extra_fields(p) if not p.args else None  # a named Chain keeps its names here
        names = extra if extra is not None and len(extra) == len(items) else None
        return chain_of(lambda: items, names)
    if typedflux and p.type.name in CONTAINERS:
        parts = container_parts(p)
        if parts is None:
            return None
        kind, inner, conn = parts
        if conn is None:
            return None
        conn_name, join = conn
        if kind == SKIP:
            return skip_item(inner[0], join, conn_name)
        return parallel_item(inner, join, conn_name)
    if typedflux and p.type.name == MAXOUT:
        branches = _inner_items(p)
        return None if branches is None else maxout_item(branches)
    if typedflux:
        return None  # (a PairwiseFusion's several outputs feed no next layer's rule)
    return _user_layer_item(p)


def connection(t: Type) -> Optional[Tuple[str, compose.JoinRule]]:
    """A connection function (``tf.add``, ``tf.cat``, a typed user function) as a rule over
    the shapes it joins, with the name the runtime's repr shows (its ``__name__``); a layer
    that takes several tensors (``Bilinear(8, 6, 3)``) joins them by its own call rule."""
    p = get_proper_type(t)
    if isinstance(p, Instance) and spec_of_type(p) is not None:
        cfg = layer_config(p)
        joins = compose.layer_connection_rule(cfg) if cfg is not None else None
        return None if joins is None or cfg is None else (cfg.repr(), joins)
    if not isinstance(p, CallableType):
        return None
    named = _named_route(p)
    if named is not None:
        name, route = named
        if route is not None:
            join = compose.op_connection_rule(route.spec)
            return None if join is None else (name, join)
        if p.variables and not all(isinstance(v, TypeVarType) for v in p.variables):
            return None
        sig = _signature(p, qualname_of(p, name))
        if sig is not None:
            return name, sig[0]
    forwarded = forwarded_join(p)  # (``lambda a, b: tf.cat(a, b, axis=1)``: also where built)
    if forwarded is not None:
        return _body_name(p), forwarded
    body = body_join(p)
    return None if body is None else (_body_name(p), body)


def container_parts(
    p: Instance,
) -> Optional[Tuple[str, List[Optional[Item]], Optional[Tuple[str, compose.JoinRule]]]]:
    """A SkipConnection's or Parallel's kind, its layers' items and its connection, from
    what its constructor left on the type (None when nothing was)."""
    attrs = p.extra_attrs.attrs if p.extra_attrs else {}
    if CONNECTION not in attrs or INNER not in attrs:
        return None
    conn = connection(attrs[CONNECTION])
    inner = get_proper_type(attrs[INNER])
    if p.type.name == SKIP:
        return SKIP, [chain_item(inner)], conn
    if not isinstance(inner, TupleType):
        return None
    return PARALLEL, [chain_item(i) for i in inner.items], conn


def _inner_items(p: Instance) -> Optional[List[Optional[Item]]]:
    """The items of the layers a Maxout's or PairwiseFusion's constructor noted."""
    attrs = p.extra_attrs.attrs if p.extra_attrs else {}
    inner = get_proper_type(attrs.get(INNER)) if INNER in attrs else None
    if not isinstance(inner, TupleType):
        return None
    return [chain_item(i) for i in inner.items]


def fusion_run(p: Instance) -> Optional[Callable[[List[Tuple[Any, ...]]], Any]]:
    """A PairwiseFusion's rule over its call's inputs (one, or one per layer), giving the
    ``Several`` output shapes; None when a part has no rule."""
    attrs = p.extra_attrs.attrs if p.extra_attrs else {}
    branches = _inner_items(p)
    conn = connection(attrs[CONNECTION]) if CONNECTION in attrs else None
    if branches is None or conn is None or any(b is None for b in branches):
        return None
    items = [b for b in branches if b is not None]
    name, join = conn
    return lambda xs: fusion_shapes(items, join, name, xs)


def qualname_of(p: CallableType, name: str) -> str:
    """The runtime ``__qualname__`` of a function (``Block.join`` for a method).

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


def chain_items(t: Instance) -> Optional[List[Optional[Item]]]:
    """The items of a Chain type (positional type arguments, or a named Chain's layers)."""
    if any(isinstance(a, UnpackType) for a in t.args):
        return None  # a Chain of unknown layers (Chain[*tuple[Any, ...]])
    attrs = t.extra_attrs.attrs if t.extra_attrs else {}
    if BROKEN in attrs:
        return None
    layers: Sequence[Type] = list(t.args)
    named = get_proper_type(attrs.get(INNER)) if not layers and INNER in attrs else None
    if isinstance(named, TupleType):
        layers = list(named.items)
    return [chain_item(a) for a in layers]


def chain_output(items: Sequence[Optional[Item]], x: Shape) -> Shape:
    """``chain_rule``; past a layer with no shape rule (a lambda), what the layers after it
    give any input they take: ``Chain(Dense(8, 16), lambda h: h * 2, Dense(16, 4))`` gives
    ``Tensor[..., 4]`` (their own mismatches are reported where the Chain is built).

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> chain_output([None, layer_item(DenseConfig(16, 4))], (3, 8))
    (*?, 4)
    """
    try:
        return chain_rule(items, x)
    except CannotTell:
        unknown = [i for i, item in enumerate(items) if item is None or id(item) in _BODY_ITEMS]
        if not unknown or unknown[-1] == len(items) - 1:
            raise
        rest = items[unknown[-1] + 1 :]
    try:
        return chain_rule(rest, (translate.Star(None),))
    except ShapeError:
        raise CannotTell("the layers after one with no shape rule") from None
