"""Batches of ``for xb, yb in tf.DataLoader((x, y), batchsize=32)``: each a slice of its data.

A ``DataLoader`` yields, per batch, the rows of every tensor it was given along the first
axis: a tuple for a tuple or list of tensors, one tensor for one. So when the loop iterates
a ``DataLoader(...)`` call whose data are tensors of known shapes, each batch has the same
trailing dims and an unknown first one (the batch size, smaller for a last partial batch).
A loader held in a name is read the same way when the name is bound once, to that call
(at module level, or in the function being checked), and nothing assigns an attribute of
it: ``loader = tf.DataLoader((x, y), batchsize=20)``, then ``for xb, yb in loader`` or
``tf.train(loss, model, loader, state)``. Anything else (a loader bound twice or passed in,
numpy data, a dict) keeps ``Iterator[Any]``.

>>> callable(loader_iter_hook())
True
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Sequence

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    GDEF,
    LDEF,
    AssignmentStmt,
    CallExpr,
    Expression,
    ListExpr,
    MemberExpr,
    NameExpr,
    RefExpr,
    TupleExpr,
)
from mypy.plugin import MethodContext
from mypy.types import AnyType, Instance, TupleType, Type, TypeOfAny, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded, names_in_scope, tensor_template, type_lookup
from mypy_plugin.flow_names import single_binding
from mypy_plugin.statements import checked_tree, walk

__all__ = ["LOADER", "batch_types", "loader_iter_hook"]

LOADER = "typedflux.data.loader.DataLoader"


def _data(e: object) -> Optional[Expression]:
    """The ``data`` argument of a ``DataLoader(...)`` call (``None``: not such a call)."""
    if not (isinstance(e, CallExpr) and isinstance(e.callee, RefExpr)
            and e.callee.fullname in (LOADER, "typedflux.DataLoader")):
        return None
    for arg, kind, name in zip(e.args, e.arg_kinds, e.arg_names):
        if (kind == ARG_POS and arg is e.args[0]) or (kind == ARG_NAMED and name == "data"):
            return arg
    return None


def _named_loader(api: Any, e: object) -> object:
    """The ``DataLoader(...)`` call a name ``e`` is bound to once (see the module's
    docstring), or ``e`` itself."""
    if not isinstance(e, NameExpr) or e.kind not in (GDEF, LDEF):
        return e
    tree = checked_tree(type_lookup(api))
    if tree is None:
        return e
    scope = getattr(api, "scope", None)
    one = single_binding(e, tree, scope.current_function() if scope is not None else None)
    if one is None:
        return e
    for st in walk(tree.defs, scopes=True):
        if isinstance(st, AssignmentStmt) and any(
                isinstance(lv, MemberExpr) and isinstance(lv.expr, NameExpr)
                and lv.expr.name == e.name for lv in st.lvalues):
            return e  # ``loader.data = ...``: the loader may hold other tensors
    value = one[0].rvalue
    return value if _data(value) is not None else e


def _batch_shape(t: Optional[Type]) -> Optional[Sequence[Any]]:
    p = get_proper_type(t) if t is not None else None
    if p is None or not translate.is_tensor(p):
        return None
    s = translate.shape_of(p)
    if s is None or not s or isinstance(s[0], translate.Star):
        return None
    return (translate.UNKNOWN, *s[1:])


def batch_types(api: Any, call: object,
                lookup: Optional[Callable[[Expression], Optional[Type]]] = None
                ) -> Optional[List[Type]]:
    """The type of each tensor of a batch of ``call`` (a ``DataLoader(...)`` call whose data
    are tensors of known shapes, read with ``lookup``: by default the types mypy recorded),
    or None."""
    data = _data(_named_loader(api, call))
    if data is None:
        return None
    items = data.items if isinstance(data, (TupleExpr, ListExpr)) else [data]
    find = lookup or type_lookup(api)
    shapes = [_batch_shape(find(i)) for i in items]
    template = tensor_template(api)
    if not items or template is None or any(s is None for s in shapes):
        return None
    names = translate.Names()
    names_in_scope(api, names)
    int_type, str_type = api.named_generic_type("builtins.int", []), api.named_generic_type(
        "builtins.str", [])
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    return [translate.type_of_shape(s, template, names, int_type, str_type, tuple_any)
            for s in shapes if s is not None]


def loader_iter_hook() -> Callable[[Any], Type]:
    """The method hook for ``DataLoader.__iter__``."""

    def hook(ctx: MethodContext) -> Type:
        tensors = batch_types(ctx.api, ctx.context)
        if tensors is None:
            return ctx.default_return_type
        data = _data(_named_loader(ctx.api, ctx.context))
        if isinstance(data, (TupleExpr, ListExpr)):
            template = tensor_template(ctx.api)
            if template is None:
                return ctx.default_return_type
            fallback = ctx.api.named_generic_type("builtins.tuple", [template])
            batch: Type = TupleType(tensors, fallback)
        else:
            batch = tensors[0]
        default = get_proper_type(ctx.default_return_type)
        if not isinstance(default, Instance):
            return ctx.default_return_type
        return default.copy_modified(args=[batch])

    return guarded("DataLoader batches", hook, lambda ctx: ctx.default_return_type)
