"""Typing a Chain's parts: ``chain[0]``, ``chain[1:]``, ``chain[::-1]``, ``chain["enc"]``,
``chain.layers``, ``chain.enc``.

A slice with a step (``net[::-1]``, ``net[::2]``) builds a Chain whose layers meet in new
pairs, and the run time checks them where that Chain is built: so does the plugin, with the
same rule (:func:`typedflux.shapes.chains.check_chain`) and words. A slice without a step keeps
the original adjacencies, which were checked where the Chain was built.

>>> callable(chain_getitem_hook()) and callable(chain_attribute_hook("layers"))
True
"""

from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Tuple

from mypy.nodes import Context, SliceExpr, StrExpr
from mypy.plugin import AttributeContext, MethodContext
from mypy.types import (
    AnyType, Instance, TupleType, Type, TypeOfAny, UnpackType, get_proper_type,
)

from mypy_plugin.callbacks.bodies import building
from mypy_plugin.callbacks.chain_items import chain_item
from mypy_plugin.callbacks.common import guarded, report_shape_error, type_lookup
from mypy_plugin.callbacks.layer_types import BROKEN, INNER, extra_fields, str_type, unknown_chain
from mypy_plugin.callbacks.rebound_names import swapped_layers
from mypy_plugin.values import NotStatic, static_int
from typedflux.shapes.chains import check_chain
from typedflux.shapes.errors import CannotTell, ShapeError

__all__ = ["chain_getitem_hook", "chain_attribute_hook"]


def _layer_types(t: Instance) -> Optional[Tuple[List[Type], Optional[List[str]]]]:
    """A Chain type's layer types, and the names of a named Chain's layers."""
    if any(isinstance(a, UnpackType) for a in t.args):
        return None
    if t.args:
        return list(t.args), None
    attrs = t.extra_attrs.attrs if t.extra_attrs else {}
    named = get_proper_type(attrs.get(INNER)) if INNER in attrs else None
    if not isinstance(named, TupleType):
        return None
    names = extra_fields(t)
    if names is None or len(names) != len(named.items):
        return None
    return list(named.items), names


def _stepped_chain_fails(ctx: MethodContext, layers: Sequence[Type], where: Context) -> bool:
    """Report, where the slice is taken, a stepped slice's Chain that cannot be built (the run
    time raises there); ``True`` when reported."""
    items = [chain_item(t) for t in layers]
    if len(items) < 2:
        return False
    try:
        with building():
            check_chain(items)
    except CannotTell:
        return False
    except ShapeError as err:
        report_shape_error(ctx.api, err, where)
        return True
    return False


def chain_getitem_hook() -> Callable[[MethodContext], Type]:
    """``chain[0]`` is its first layer's type, ``chain[1:]`` a Chain of the rest (checked where
    a step makes new neighbours), ``chain["enc"]`` a named layer's type (the declared ``Any``
    otherwise).

    >>> callable(chain_getitem_hook())
    True
    """

    def hook(ctx: MethodContext) -> Type:
        t = get_proper_type(ctx.type)
        if not isinstance(t, Instance) or not ctx.args or len(ctx.args[0]) != 1:
            return ctx.default_return_type
        found = _layer_types(t)
        if found is None:
            return ctx.default_return_type
        types, names = found
        key = ctx.args[0][0]
        if isinstance(key, StrExpr) and names is not None:
            return types[names.index(key.value)] if key.value in names else ctx.default_return_type
        if isinstance(key, SliceExpr) and names is None:
            bounds: List[Optional[int]] = []
            for part in (key.begin_index, key.end_index, key.stride):
                v = None if part is None else static_int(part, type_lookup(ctx.api))
                if isinstance(v, NotStatic):
                    return ctx.default_return_type
                bounds.append(v)
            if bounds[2] == 0:
                return ctx.default_return_type  # (a ValueError at run time: mypy's business)
            sliced = types[slice(*bounds)]
            default = get_proper_type(ctx.default_return_type)
            if not isinstance(default, Instance) or not sliced:
                return ctx.default_return_type
            result = default.copy_modified(args=sliced)
            broken = t.extra_attrs is not None and BROKEN in t.extra_attrs.attrs
            if broken or (bounds[2] not in (None, 1)
                          and _stepped_chain_fails(ctx, sliced, ctx.context)):
                # (already reported where built, or now: at run time this Chain never exists)
                return unknown_chain(ctx, result)
            return result
        i = static_int(key, type_lookup(ctx.api))
        if isinstance(i, NotStatic) or not -len(types) <= i < len(types):
            return ctx.default_return_type
        return types[i]

    return guarded('"Chain"', hook, lambda ctx: ctx.default_return_type)


def chain_attribute_hook(name: str) -> Callable[[AttributeContext], Type]:
    """``chain.layers`` is the tuple of its layers' types (``dict[str, Any]`` for a named Chain);
    ``chain.enc`` a named layer's type.

    >>> callable(chain_attribute_hook("layers"))
    True
    """

    def hook(ctx: AttributeContext) -> Type:
        t = get_proper_type(ctx.type)
        if not isinstance(t, Instance):
            return ctx.default_attr_type
        found = _layer_types(t)
        if found is None:
            return ctx.default_attr_type
        types, names = found
        if name == "layers":
            if names is not None and not ctx.is_lvalue:  # a dict at run time: layers[0] raises
                return ctx.api.named_generic_type(
                    "builtins.dict", [str_type(ctx), AnyType(TypeOfAny.special_form)])
            swapped = swapped_layers(ctx.api, getattr(ctx.context, "expr", None))
            if names is not None or ctx.is_lvalue or swapped == []:
                return ctx.default_attr_type  # (``Any``; ``model.layers = ...``: rebound_names)
            types = swapped or types
            fallback = ctx.api.named_generic_type(
                "builtins.tuple", [AnyType(TypeOfAny.special_form)])
            return TupleType(types, fallback)
        if names is not None and name in names:
            return types[names.index(name)]
        return ctx.default_attr_type

    return guarded('"Chain"', hook, lambda ctx: ctx.default_attr_type)
