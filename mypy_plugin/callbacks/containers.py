"""Container constructor hooks: ``SkipConnection``, ``Parallel``, ``Maxout`` and
``PairwiseFusion`` note their parts' types on the instance type (so Chains and calls can
follow them) and are checked where built with the run time's rules
(:mod:`typedflux.shapes.chains`, :mod:`typedflux.shapes.fusions`). Their calls go through
``mypy_plugin.callbacks.layers.layer_call_hook``.

>>> callable(container_constructor_hook(SKIP)) and callable(fusion_constructor_hook(MAXOUT))
True
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional

from mypy.nodes import ArgKind, Context
from mypy.plugin import FunctionContext
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    LiteralType,
    TupleType,
    Type,
    TypeOfAny,
    get_proper_type,
)


from mypy_plugin.callbacks.bodies import building, with_lambda
from mypy_plugin.callbacks.chain_items import (
    FUSION,
    MAXOUT,
    SKIP,
    chain_item,
    connection,
    container_parts,
)
from mypy_plugin.callbacks.common import guarded, report_shape_error
from mypy_plugin.callbacks.culprits import parallel_culprit, skip_culprit
from mypy_plugin.callbacks.layer_types import CONNECTION, INNER, _arg, with_attrs
from mypy_plugin.callbacks.replaced_layers import unless_replaced
from typedflux.shapes.chains import check_parallel, check_skip
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.fusions import check_fusion, check_maxout, max_join

__all__ = ["container_constructor_hook", "fusion_constructor_hook"]


def container_constructor_hook(kind: str) -> Callable[[FunctionContext], Type]:
    """``SkipConnection(layer, connection)`` / ``Parallel(connection, *layers)``: the types
    of the parts ride along on the instance type, so Chains and calls can follow them; a
    container that cannot join its parts for any input is reported here (its type then
    carries nothing to check again).

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
        layer = None
        i = -1
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
            fallback = ctx.api.named_generic_type(
                "builtins.tuple", [AnyType(TypeOfAny.special_form)])
            inner = TupleType(
                [with_lambda(e, a) for e, a in zip(ctx.args[i], ctx.arg_types[i])], fallback)
        out = with_attrs(t, {INNER: inner, CONNECTION: conn[1]})
        parts = container_parts(out)
        if parts is None or parts[2] is None:
            return out
        items, (conn_name, join) = parts[1], parts[2]
        try:
            with building():
                if kind == SKIP:
                    check_skip(items[0], join, conn_name)
                else:
                    check_parallel(items, join, conn_name)
        except CannotTell:
            pass
        except ShapeError as err:
            # On the line of the part at fault when the container spans several lines.
            where: Context = ctx.context
            if kind == SKIP and layer is not None:
                where = skip_culprit(layer[0], layer[1], ctx.context, err.message)
            elif kind != SKIP:
                where = parallel_culprit(ctx.args[i], items, join, ctx.context)
            report_shape_error(ctx.api, err, where)
            return ctx.default_return_type
        return out

    return guarded(f'"{kind}"', unless_replaced(hook), lambda ctx: ctx.default_return_type)


def _tuple(ctx: FunctionContext, items: List[Type]) -> TupleType:
    fallback = ctx.api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    return TupleType(items, fallback)


def _maxout_layers(ctx: FunctionContext, i: int) -> Optional[List[Type]]:
    """The layer types of ``Maxout(*layers)``, or of ``Maxout(f, n)`` (``n`` calls of
    ``f``: its return type ``n`` times, ``n`` a literal int); None when unknown."""
    types = list(ctx.arg_types[i])
    if len(types) == 2:
        n = get_proper_type(types[1])
        if isinstance(n, Instance) and n.last_known_value is not None:
            n = n.last_known_value
        if isinstance(n, LiteralType) and isinstance(n.value, int) and not isinstance(
                n.value, bool):
            f = get_proper_type(types[0])
            if not isinstance(f, CallableType) or not 1 <= n.value <= 64:
                return None
            return [f.ret_type] * n.value
        if isinstance(n, Instance) and n.type.fullname == "builtins.int":
            return None  # Maxout(f, n) with n known only at run time
    return types


def fusion_constructor_hook(kind: str) -> Callable[[FunctionContext], Type]:
    """``Maxout(*layers)`` / ``Maxout(f, n)`` / ``PairwiseFusion(connection, *layers)``:
    the layers' types (and the connection's) ride along on the instance type; a Maxout whose
    layers cannot give one shape, or a PairwiseFusion whose fused value cannot feed the next
    layer, is reported here, on the line of the layer at fault (its type then carries
    nothing to check again).

    >>> callable(fusion_constructor_hook(FUSION))
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        t = get_proper_type(ctx.default_return_type)
        names = ctx.callee_arg_names
        i = names.index("layers") if "layers" in names else -1
        if not isinstance(t, Instance) or i < 0 or any(
                k != ArgKind.ARG_POS for k in ctx.arg_kinds[i]):
            return ctx.default_return_type
        layers = _maxout_layers(ctx, i) if kind == MAXOUT else [
            with_lambda(e, a) for e, a in zip(ctx.args[i], ctx.arg_types[i])]
        if not layers:
            return ctx.default_return_type
        attrs: Dict[str, Type] = {INNER: _tuple(ctx, layers)}
        conn = None
        if kind == FUSION:
            found = _arg(ctx, "connection")
            if found is None:
                return ctx.default_return_type
            attrs[CONNECTION] = found[1]
            conn = connection(found[1])
        items = [chain_item(layer) for layer in layers]
        try:
            with building():
                if kind == MAXOUT:
                    check_maxout(items)
                elif conn is not None:
                    check_fusion(items, conn[1], conn[0])
        except CannotTell:
            pass
        except ShapeError as err:
            where: Context = ctx.context
            position = getattr(err, "position", 0)
            if len(ctx.args[i]) == len(layers) and 1 <= position <= len(layers):
                where = ctx.args[i][position - 1]
            elif len(ctx.args[i]) == len(layers) and kind == MAXOUT:
                # (outputs that cannot be compared: the first layer whose output differs
                # from those before it, as a Parallel's branch)
                where = parallel_culprit(ctx.args[i], items, max_join, ctx.context)
            report_shape_error(ctx.api, err, where)
            return ctx.default_return_type
        return with_attrs(t, attrs)

    return guarded(f'"{kind}"', unless_replaced(hook), lambda ctx: ctx.default_return_type)
