"""``functools.partial`` of a layer class: ``make = functools.partial(Dense, activation=relu)``.

mypy's own plugin types the partial and its calls (``make(4, 8)`` is ``Dense[Literal[4],
Literal[8]]``) by checking each call against the parameters left, so the layer's constructor
hook never sees the keywords the partial holds: ``make(4, 8)`` showed as ``Dense(4 => 8)`` in
messages where the run time says ``Dense(4 => 8, relu)``. Here mypy's hooks run first; then the
keywords the layer's type parameters cannot hold (an activation, ``bias``) are noted on the
partial's type, and the layers it builds get them back.

>>> held_text({"activation": "relu", "bias": False})
"{'activation': 'relu', 'bias': False}"
"""

from __future__ import annotations

import ast
import dataclasses
from typing import Any, Callable, Dict, Optional

from mypy.nodes import ARG_NAMED, RefExpr, TypeInfo
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import ExtraAttrs, Instance, LiteralType, Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.layer_types import _read as read_argument  # a constructor's reader
from mypy_plugin.callbacks.layer_types import (
    EXTRA,
    layer_config,
    spec_of_name,
    spec_of_type,
    str_type,
    with_attrs,
)

__all__ = ["partial_hook", "partial_call_hook", "held_text"]

_HELD = "__typedflux_partial"


def held_text(values: Dict[str, Any]) -> str:
    """How a partial's keywords ride on its type (read back with ``ast.literal_eval``)."""
    return repr(values)


def _plain(v: Any) -> bool:
    return v is None or isinstance(v, (str, bool, int, float)) or (
        isinstance(v, tuple) and all(_plain(x) for x in v))


def partial_hook(default: Callable[[FunctionContext], Type]) -> Callable[[FunctionContext], Type]:
    """``functools.partial(Layer, kw=...)``: mypy's type, with the keywords a layer's type
    cannot hold noted on it.

    >>> callable(partial_hook(lambda ctx: ctx))
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        out = default(ctx)
        p = get_proper_type(out)
        if not isinstance(p, Instance) or not ctx.args or len(ctx.args[0]) != 1:
            return out
        callee = ctx.args[0][0]
        if not (isinstance(callee, RefExpr) and isinstance(callee.node, TypeInfo)
                and callee.node.fullname.startswith("typedflux.layers.")):
            return out
        spec = spec_of_name(callee.node.name)
        if spec is None:
            return out
        fields = spec.extras()
        params = {q.name: q for q in spec.params}
        held: Dict[str, Any] = {}
        for names, exprs, kinds in zip(ctx.arg_names, ctx.args, ctx.arg_kinds):
            for name, e, kind in zip(names, exprs, kinds):
                if kind != ARG_NAMED or name not in fields or name not in params:
                    continue
                v = read_argument(ctx, params[name].kind, e, translate.Names(), params[name].default)
                if _plain(v):
                    held[name] = v
        if not held:
            return out
        attrs = dict(p.extra_attrs.attrs) if p.extra_attrs else {}
        attrs[_HELD] = LiteralType(held_text(held), str_type(ctx))
        immutable = set(p.extra_attrs.immutable) if p.extra_attrs else set()
        new = p.copy_modified()
        new.extra_attrs = ExtraAttrs(attrs, immutable | {_HELD},
                                     p.extra_attrs.mod_name if p.extra_attrs else None)
        return new

    return guarded("functools.partial", hook, default)


def _held(t: Type) -> Optional[Dict[str, Any]]:
    p = get_proper_type(t)
    if not isinstance(p, Instance) or not p.extra_attrs or _HELD not in p.extra_attrs.attrs:
        return None
    v = get_proper_type(p.extra_attrs.attrs[_HELD])
    if not isinstance(v, LiteralType) or not isinstance(v.value, str):
        return None
    held = ast.literal_eval(v.value)
    return held if isinstance(held, dict) else None


def partial_call_hook(default: Callable[[MethodContext], Type]) -> Callable[[MethodContext], Type]:
    """A call of such a partial: mypy's layer type, with the partial's keywords in its config.

    >>> callable(partial_call_hook(lambda ctx: ctx))
    True
    """

    def hook(ctx: MethodContext) -> Type:
        out = default(ctx)
        held = _held(ctx.type)
        p = get_proper_type(out)
        if not held or not isinstance(p, Instance):
            return out
        found = spec_of_type(p)
        cfg = layer_config(p)
        if found is None or cfg is None:
            return out
        spec = found[0]
        try:
            cfg = dataclasses.replace(cfg, **held)  # type: ignore[type-var]
        except TypeError:
            return out
        _, extras = spec.static_form(cfg)
        return with_attrs(p, {EXTRA: LiteralType("|".join(extras), str_type(ctx))}) if extras else out

    return guarded("a functools.partial call", hook, default)
