"""Resolving chain items: how the Chain checks see a value of some type.

A built-in layer is its config (read from its type); a typedflux op used as a layer
(``tf.relu``) or a connection (``tf.add``) is its shape rule, and a typed user function its
signature, both through :mod:`typedflux.shapes.compose` (the rule the runtime uses too); a
nested ``Chain``, ``SkipConnection`` or ``Parallel`` is the rule of its parts. Anything else
is unknown (``None``): the checks restart after it.

>>> from mypy.types import AnyType, TypeOfAny
>>> chain_item(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Sequence, Tuple

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
from mypy_plugin.callbacks.layer_types import (
    CONNECTION,
    INNER,
    extra_fields,
    layer_config,
    spec_of_type,
)
from mypy_plugin.routing import ROUTES
from typedflux.shapes import compose
from typedflux.shapes.chains import ChainItem, chain_repr, chain_rule, parallel_repr, skip_repr
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.layer_spec import LayerConfig, LayerInputError

__all__ = [
    "CHAIN",
    "SKIP",
    "PARALLEL",
    "CONTAINERS",
    "chain_item",
    "chain_items",
    "connection",
    "qualname_of",
    "item_repr",
]

CHAIN = "Chain"
SKIP = "SkipConnection"
PARALLEL = "Parallel"
CONTAINERS = (SKIP, PARALLEL)
Shape = Tuple[Any, ...]


def _fullname(t: CallableType) -> Optional[str]:
    name = getattr(t.definition, "fullname", None)
    return name if isinstance(name, str) else None


def _function_item(t: CallableType, signatures: bool) -> ChainItem:
    """A function used as a layer: a typedflux op (``tf.relu``) by its rule with defaults;
    with ``signatures``, a typed user function by its signature (parameters bound, return
    type substituted), as ``@tf.shapecheck`` would check it."""
    fullname = _fullname(t)
    route = ROUTES.by_function_fullname.get(fullname) if fullname is not None else None
    if route is None:
        if not signatures or fullname is None or not t.arg_types:
            return None
        if translate.tensor_pattern(t.arg_types[0]) is None:
            return None
        name = fullname.rsplit(".", 1)[-1]
        by_signature = _signature_rule(t, qualname_of(t, name))
        return (name, lambda x: by_signature([x]))
    rule = compose.op_layer_rule(route.spec)
    if rule is None:
        return None
    return (fullname.rsplit(".", 1)[-1] if fullname else route.spec.name, rule)


def chain_item(t: Type, signatures: bool = False) -> ChainItem:
    """How Chain checks see a value of type ``t``: a config, ``(repr, rule)`` or None.

    ``signatures`` (when a Chain is called, not when it is built, as at run time): user
    functions are followed through their typed signatures.
    """
    p = get_proper_type(t)
    if isinstance(p, CallableType):
        return _function_item(p, signatures)
    if not isinstance(p, Instance):
        return None
    if spec_of_type(p) is not None:
        return layer_config(p)
    if p.type.name == CHAIN and p.type.fullname.startswith("typedflux."):
        items = chain_items(p, signatures)
        if items is None:
            return None
        reprs = [item_repr(i) for i in items]
        if any(r is None for r in reprs):
            return None
        frozen = list(items)
        extra = extra_fields(p) if not p.args else None  # a named Chain keeps its names here
        names = extra if extra is not None and len(extra) == len(reprs) else None
        return (
            chain_repr([r for r in reprs if r is not None], names),
            _as_container(lambda x: chain_rule(frozen, x)),
        )
    if p.type.fullname.startswith("typedflux.") and p.type.name in CONTAINERS:
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


def connection(t: Type) -> Optional[Tuple[str, compose.JoinRule]]:
    """A connection function (``tf.add``, ``tf.cat``, a typed user function) as a rule over
    the shapes it joins, with the name the runtime's repr shows (its ``__name__``)."""
    p = get_proper_type(t)
    if not isinstance(p, CallableType):
        return None
    fullname = _fullname(p)
    name = fullname.rsplit(".", 1)[-1] if fullname is not None else (p.name or "?")
    route = ROUTES.by_function_fullname.get(fullname) if fullname is not None else None
    if route is not None:
        join = compose.op_connection_rule(route.spec)
        return None if join is None else (name, join)
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


def _signature_rule(p: CallableType, name: str) -> compose.JoinRule:
    """A typed user function as a rule: its parameters' patterns and return shape."""
    params = [
        (p.arg_names[i] or str(i), translate.tensor_pattern(a))
        for i, a in enumerate(p.arg_types)
    ]
    return compose.signature_rule(name, params, translate.shape_of(p.ret_type))


def _container_item(p: Instance, signatures: bool) -> ChainItem:
    attrs = p.extra_attrs.attrs if p.extra_attrs else {}
    conn = connection(attrs[CONNECTION]) if CONNECTION in attrs else None
    inner = get_proper_type(attrs.get(INNER)) if INNER in attrs else None
    if conn is None or inner is None:
        return None
    conn_name, join = conn
    if p.type.name == SKIP:
        item = chain_item(inner, signatures)
        if item is None:
            return None
        run = item.rule if isinstance(item, LayerConfig) else item[1]
        text = skip_repr(item_repr(item) or "?", conn_name)
        return (text, _as_container(compose.skip_rule(run, join)))
    if not isinstance(inner, TupleType):
        return None
    items = [chain_item(i, signatures) for i in inner.items]
    if any(i is None for i in items):
        return None
    runs = [i.rule if isinstance(i, LayerConfig) else i[1] for i in items if i is not None]
    text = parallel_repr(conn_name, [item_repr(i) or "?" for i in items])
    both = compose.parallel_rule(runs, join)
    return (text, _as_container(lambda x: both([x])))


def item_repr(item: ChainItem) -> Optional[str]:
    """The repr a chain item shows in messages (None for an unknown item)."""
    if item is None:
        return None
    if isinstance(item, LayerConfig):
        return item.repr()
    return item[0]


def chain_items(t: Instance, signatures: bool = False) -> Optional[List[ChainItem]]:
    """The items of a Chain type (positional type arguments, or a named Chain's layers)."""
    if any(isinstance(a, UnpackType) for a in t.args):
        return None  # a Chain of unknown layers (Chain[*tuple[Any, ...]])
    layers: Sequence[Type] = list(t.args)
    attrs = t.extra_attrs.attrs if t.extra_attrs else {}
    named = get_proper_type(attrs.get(INNER)) if not layers and INNER in attrs else None
    if isinstance(named, TupleType):
        layers = list(named.items)
    return [chain_item(a, signatures) for a in layers]
