"""``functools.partial`` of a layer class: ``make = functools.partial(Dense, activation=relu)``,
``conv3 = functools.partial(Conv, (3, 3), pad=1)``.

mypy's own plugin types the partial and its calls by checking each call against the
parameters left, so the layer's constructor hook never sees the arguments the partial holds:
``make(4, 8)`` showed as ``Dense(4 => 8)`` where the run time says ``Dense(4 => 8, relu)``, and
``conv3(16, 32, relu)`` lost its window (``Conv((?, ?), 16 => 32, relu)``, its output
``Tensor[B, 32, ?, ?]``). Here mypy's hooks run first; then the arguments the partial holds
(positional ones by their place among the constructor's parameters, keywords by name) are
noted on the partial's type, and each call's layer type is built from those and the call's
own arguments together, as the constructor would be called. A partial of a function with
shaped parameters is checked by ``callbacks/partial_functions.py``.

>>> held_text({"npos": 1, "values": {"kernel": (3, 3)}, "unknown": []})
"{'npos': 1, 'values': {'kernel': (3, 3)}, 'unknown': []}"
"""

from __future__ import annotations

import ast
from typing import Any, Callable, Dict, Optional

from mypy.nodes import ARG_NAMED, ARG_POS, Expression, MemberExpr, RefExpr, TypeInfo
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import CallableType, ExtraAttrs, Instance, LiteralType, Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.layer_types import (
    layer_type_of,
    read_param,
    spec_of_name,
    spec_of_type,
    str_type,
)
from mypy_plugin.callbacks.partial_functions import function_partial, function_partial_call

__all__ = ["partial_hook", "partial_call_hook", "held_text"]

_HELD = "__typedflux_partial"


def held_text(held: Dict[str, Any]) -> str:
    """How a partial's arguments ride on its type (read back with ``ast.literal_eval``):
    ``npos`` positional arguments held, ``values`` by parameter name, and the names of those
    held with a value the checker cannot write down (``unknown``)."""
    return repr(held)


def _plain(v: Any) -> bool:
    return v is None or isinstance(v, (str, bool, int, float)) or (
        isinstance(v, tuple) and all(_plain(x) for x in v))


def _held_method(ctx: FunctionContext) -> FunctionContext:
    """``ctx`` with the method ``functools.partial(b.set)`` holds typed as for a call
    ``b.set(...)`` (``inferred_receivers.held_in_partial``: a holder whose type mypy inferred
    takes any sizes), for mypy's own hook to build the partial from."""
    from mypy_plugin.callbacks.inferred_receivers import held_in_partial

    if not ctx.args or len(ctx.args[0]) != 1 or not isinstance(ctx.args[0][0], MemberExpr):
        return ctx
    sig = get_proper_type(ctx.arg_types[0][0])
    if not isinstance(sig, CallableType):
        return ctx
    held = held_in_partial(ctx.api, sig, ctx.args[0][0].expr)
    if held is sig:
        return ctx
    return ctx._replace(arg_types=[[held], *ctx.arg_types[1:]])


def partial_hook(default: Callable[[FunctionContext], Type]) -> Callable[[FunctionContext], Type]:
    """``functools.partial(Layer, ...)``: mypy's type, with the arguments it holds noted on it.

    >>> callable(partial_hook(lambda ctx: ctx))
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        function = function_partial(ctx, default)  # (a function with shaped parameters)
        if function is not None:
            return function
        out = default(_held_method(ctx))
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
        params = [q.name for q in spec.params]
        names = translate.Names()
        values: Dict[str, Any] = {}
        unknown = []
        npos = 0
        for arg_names, exprs, kinds in zip(ctx.arg_names[1:], ctx.args[1:], ctx.arg_kinds[1:]):
            for name, e, kind in zip(arg_names, exprs, kinds):
                if kind == ARG_POS and npos < len(params):
                    name = params[npos]
                    npos += 1
                elif kind != ARG_NAMED or name not in params:
                    return out  # *args, **kwargs, a keyword the layer lacks: mypy's type
                v = read_param(ctx, spec, name, e, names)
                if _plain(v) and v is not translate.UNKNOWN:
                    values[name] = v
                else:
                    unknown.append(name)
        if npos == 0 and not values and not unknown:
            return out
        attrs = dict(p.extra_attrs.attrs) if p.extra_attrs else {}
        held = {"npos": npos, "values": values, "unknown": unknown}
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
    """A call of such a partial: the layer type the constructor gives for the partial's
    arguments and the call's together (mypy's type when an argument cannot be placed).

    >>> callable(partial_call_hook(lambda ctx: ctx))
    True
    """

    def hook(ctx: MethodContext) -> Type:
        function = function_partial_call(ctx, default)
        if function is not None:
            return function
        out = default(ctx)
        held = _held(ctx.type)
        p = get_proper_type(out)
        if not held or not isinstance(p, Instance):
            return out
        found = spec_of_type(p)
        if found is None:
            return out
        spec = found[0]
        params = [q.name for q in spec.params]
        values: Dict[str, Any] = dict(held["values"])
        values.update({name: translate.UNKNOWN for name in held["unknown"]})
        where: Dict[str, Expression] = {}
        names = translate.Names()
        pos = held["npos"]
        for arg_names, exprs, kinds in zip(ctx.arg_names, ctx.args, ctx.arg_kinds):
            for name, e, kind in zip(arg_names, exprs, kinds):
                if kind == ARG_POS and pos < len(params):
                    name = params[pos]
                    pos += 1
                elif kind != ARG_NAMED or name not in params:
                    return out
                values[name] = read_param(ctx, spec, name, e, names)
                where[name] = e
        return layer_type_of(ctx, spec, p, values, where, names)

    return guarded("a functools.partial call", hook, default)
