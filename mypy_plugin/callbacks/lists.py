"""Lists of tensors of several shapes (skip connections saved on the way down a U-Net).

mypy types a list by its first items: after ``skips = []; skips.append(h1)`` it is a
``list[Tensor[B, 8, 16, 16]]``, so ``skips.append(h2)`` of another shape is an ``arg-type``
error and ``skips.pop()`` is typed as the first item's shape whatever it returns. Both are
false: a Python list holds tensors of any shape. These hooks let ``append``/``insert`` take a
tensor of another shape, remember that the list (a variable or attribute, in its function)
now mixes shapes, and type what is read from such a list (``pop``, ``[i]``) as a tensor of
unknown shape: the run time checks it (``for x in xs`` too: ``__iter__``). A list whose tensors
all have one shape keeps its precise type. A list whose type is declared (``xs: List[Tensor[2,
3]] = []``, a parameter, an annotated attribute) holds that shape only: an item of another
shape is reported where it is added, in the words of an assignment (``Assigned shape Tensor[2,
4] (appended item) does not match the annotation Tensor[2, 3] of "xs": ...``), so is an item
of a display given to ``extend`` (``(extended item 1)``).

The same holds for layers (``mlp = [Dense(784, 256)]; mlp.append(Dense(256, 10))``: mypy
types the list ``list[Dense[784, 256]]``, where plain mypy's ``list[Dense[Any, Any]]`` takes
any Dense) and for every way of adding to a list or dict whose type was inferred from its
first items: ``extend``, ``+=``, ``xs[i] = ...``, ``d[k] = ...``, ``d.update(...)`` (a mapping
or keyword items), ``d |= {...}``, ``d.setdefault(k, v)``. What is read from such a
container (``pop``, ``[i]``, ``d[k]``, ``d.get(k)``, a ``for`` loop's item) is then a layer of
unknown sizes (a tensor of unknown shape).

>>> sorted(ADDERS)[:3], sorted(READERS)[:2]
(['builtins.dict.__ior__', 'builtins.dict.__setitem__', 'builtins.dict.setdefault'], ['builtins.dict.__getitem__', 'builtins.dict.copy'])
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Tuple

from mypy.maptype import map_instance_to_supertype
from mypy.nodes import (
    ARG_STAR2, CallExpr, DictExpr, Expression, IndexExpr, IntExpr, ListExpr, MemberExpr,
    NameExpr, OperatorAssignmentStmt, SliceExpr, StarExpr, StrExpr, TupleExpr,
)
from mypy.plugin import CheckerPluginInterface, FunctionContext, MethodContext, MethodSigContext
from mypy.subtypes import is_same_type
from mypy.typeops import make_simplified_union
from mypy.types import (
    AnyType, CallableType, FunctionLike, Instance, TupleType, Type, TypeOfAny, UnionType,
    UnpackType, get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.container_origin import MIXED, container_key, container_of, origin
from mypy_plugin.callbacks.dict_items import dict_item_hook
from mypy_plugin.codes import SHAPE
from mypy_plugin.flow_loops import loop_replay
from typedflux.shapes.bind import Mismatch, rigid_mismatch

__all__ = ["ADDERS", "PASSERS", "READERS", "list_add_hook", "list_read_hook", "mark_passed",
           "pass_items_hook"]

ADDERS: Dict[str, int] = {
    "builtins.list.append": 1, "builtins.list.insert": 2, "builtins.list.extend": 0,
    "builtins.list.__iadd__": 1, "builtins.list.__setitem__": 2, "builtins.dict.__setitem__": 2,
    "builtins.dict.setdefault": 2, "builtins.dict.update": 0, "builtins.dict.__ior__": 0,
}
"""The list and dict methods that add an item, and the position of the item among their
arguments (0: ``extend``, whose one argument holds the items; ``+=`` likewise; ``update`` and
``|=``, whose arguments are mappings or keyword items)."""
_ITERABLE_ADDERS = frozenset({"extend", "__iadd__"})
_MAPPING_ADDERS = frozenset({"update", "__ior__"})
READERS = frozenset({"builtins.list.pop", "builtins.list.__getitem__", "builtins.list.__iter__",
                     "builtins.dict.__getitem__", "builtins.dict.get", "builtins.dict.pop",
                     "builtins.dict.setdefault", "builtins.dict.values", "builtins.dict.items",
                     "builtins.list.copy", "builtins.dict.copy"})

def _shapes(t: Type) -> Optional[List[translate.StaticShape]]:
    """The shapes a tensor type (or a union of tensor types) may have; ``None`` otherwise."""
    p = get_proper_type(t)
    members = p.items if isinstance(p, UnionType) else [p]  # a loop's variable is a union
    out = [translate.shape_of(m) for m in members]
    return None if any(s is None for s in out) else [s for s in out if s is not None]


def _item_type(container: Type) -> Optional[Type]:
    """The item type of a list, or the value type of a dict."""
    p = get_proper_type(container)
    if isinstance(p, Instance):
        if p.type.fullname == "builtins.list" and len(p.args) == 1:
            return p.args[0]
        if p.type.fullname == "builtins.dict" and len(p.args) == 2:
            return p.args[1]
    return None


def _item_shapes(list_type: Type) -> Optional[List[translate.StaticShape]]:
    item = _item_type(list_type)
    return _shapes(item) if item is not None else None


def _layer(t: Type) -> Optional[Instance]:
    """``t`` as a typedflux layer or container type with type arguments (its sizes)."""
    p = get_proper_type(t)
    if isinstance(p, Instance) and p.args and p.type.fullname != translate.TENSOR_FULLNAME \
            and p.type.has_base("typedflux.layers.core.Module"):
        return p
    return None


def _iterated(t: Type) -> Optional[Type]:
    """The item type of an iterable argument (``extend([...])``, ``+= [...]``, ``xs[:] =
    (...)``): a list's, a generator's or a ``map``'s, or the union of a tuple's items."""
    p = get_proper_type(t)
    if isinstance(p, TupleType):
        return make_simplified_union(p.items) if p.items else None
    iterable = next((b for b in p.type.mro if b.fullname == "typing.Iterable"), None) \
        if isinstance(p, Instance) else None
    if isinstance(p, Instance) and iterable is not None:
        mapped = map_instance_to_supertype(p, iterable)
        return mapped.args[0] if mapped.args else None
    return None


def _mixed(ctx: MethodSigContext, sig: CallableType, position: int, t: Type) -> CallableType:
    """The adder's signature taking its item ``t`` as it comes, the container marked as one
    that mixes sizes (so what is read from it has unknown sizes)."""
    _mark_mixed(ctx)
    arg_types = list(sig.arg_types)
    arg_types[position - 1] = t
    return sig.copy_modified(arg_types=arg_types)


def _mark_mixed(ctx: MethodSigContext) -> None:
    key = container_key(ctx.api, ctx.context)
    if key is not None:
        MIXED.add(key)


def _inferred(ctx: MethodSigContext) -> bool:
    """Whether the container is a name or attribute whose type mypy inferred from its first
    items (no annotation, not a parameter): it may then hold items of any size."""
    receiver = container_of(ctx.context)
    return receiver is not None and origin(ctx.api, receiver) == "inferred"


def _add_layer(ctx: MethodSigContext, position: int, method: str) -> FunctionLike:
    """A layer or tensor (or, for ``extend``/``+=``, a list of them) of other sizes added to
    an inferred container of them (a layer to a list by any adder, anything by ``xs[i] =``,
    ``xs[i:j] = [...]``, ``d[k] =``, ``extend``, ``+=``): taken as it comes, and the container
    marked mixed."""
    sig = ctx.default_signature
    item = _item_type(ctx.type)
    if item is None or (_layer(item) is None and _shapes(item) is None) \
            or not isinstance(sig, CallableType) or len(sig.arg_types) < position \
            or not _inferred(ctx):
        return sig
    e = ctx.args[position - 1][0]
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        t = ctx.api.get_expression_type(e)
    sliced = isinstance(ctx.context, IndexExpr) and isinstance(ctx.context.index, SliceExpr)
    added = _iterated(t) if method in _ITERABLE_ADDERS or sliced else t  # (``xs[:] = [...]``)
    if added is None or is_same_type(added, item):
        return sig
    if _layer(added) is None and _shapes(added) is None:
        return sig  # (not a layer: mypy's own check)
    return _mixed(ctx, sig, position, t)


def _extended(ctx: MethodSigContext, items: List[translate.StaticShape]) -> FunctionLike:
    """``xs.extend([...])`` on a list declared with one item shape: each item of the display
    (or the item type of another iterable) must have it, reported as ``extended item k``
    (mypy's own was ``[list-item]`` in ``Literal`` words); the argument is then taken as it
    comes, so mypy does not say it again."""
    sig = ctx.default_signature
    if len(items) != 1 or len(ctx.args) != 1 or len(ctx.args[0]) != 1:
        return sig
    e = ctx.args[0][0]
    values: List[Tuple[str, Expression]] = []
    if isinstance(e, (ListExpr, TupleExpr)):
        if any(isinstance(i, StarExpr) for i in e.items):
            return sig
        values = [(f"extended item {k}", item) for k, item in enumerate(e.items)]
    else:  # (a generator, a map: an inferred list takes their items as they come)
        return _add_layer(ctx, 1, "extend")
    mixed = False
    for part, item in values:
        with ctx.api.msg.filter_errors(filter_revealed_type=True):
            t = ctx.api.get_expression_type(item)
        shapes = _shapes(t)
        if shapes is None or all(s in items for s in shapes):
            continue
        if len(shapes) == 1 and _declared(ctx, 0, items, shapes, item, part=part):
            return sig.copy_modified(arg_types=[AnyType(TypeOfAny.special_form)])
        mixed = True
    if not mixed:
        return sig
    # A list typed by its first items takes tensors of other shapes too (as ``append``).
    _mark_mixed(ctx)
    return sig.copy_modified(arg_types=[AnyType(TypeOfAny.special_form)])


def _values(t: Type) -> Optional[Type]:
    """The value type of a mapping argument (``update({...})``, ``|= {...}``)."""
    p = get_proper_type(t)
    if isinstance(p, Instance) and len(p.args) == 2 and p.type.has_base("typing.Mapping"):
        return p.args[1]
    return None


_PARTS = {"append": "appended item", "insert": "inserted item", "setdefault": "default value"}


def _update(ctx: MethodSigContext) -> FunctionLike:
    """``d.update(m, k=v)`` or ``d |= m`` on an inferred dict of layers or tensors, with values
    of other sizes: each such argument taken as it comes, the dict marked mixed (one item of
    an overloaded signature at a time: mypy asks the hook for each)."""
    sig = ctx.default_signature
    item = _item_type(ctx.type)
    if item is None or (_layer(item) is None and _shapes(item) is None) \
            or not isinstance(sig, CallableType):
        return sig
    if not _inferred(ctx):
        return _update_declared(ctx, sig)
    arg_types = list(sig.arg_types)
    for i, actuals in enumerate(ctx.args[:len(arg_types)]):
        star2 = sig.arg_kinds[i] == ARG_STAR2
        seen: List[Type] = []
        for e in actuals:
            with ctx.api.msg.filter_errors(filter_revealed_type=True):
                t = ctx.api.get_expression_type(e)
            seen.append(t)
            added = t if star2 else _values(t)
            if added is None or is_same_type(added, item) \
                    or (_layer(added) is None and _shapes(added) is None):
                continue
            # (keyword items: the formal is each value's type; a mapping: the mapping's)
            arg_types[i] = t
        if star2 and arg_types[i] is not sig.arg_types[i] and \
                any(not is_same_type(t, seen[0]) for t in seen):
            arg_types[i] = AnyType(TypeOfAny.special_form)  # (``update(x=a, y=b)``, two shapes)
    if arg_types == list(sig.arg_types):
        return sig
    _mark_mixed(ctx)
    return sig.copy_modified(arg_types=arg_types)


def _update_declared(ctx: MethodSigContext, sig: CallableType) -> CallableType:
    """``d.update({"k": x})`` or ``d.update(k=x)`` on a dict declared with one value shape
    (``d: Dict[str, Tensor[2, 3]]``): each value shown in the call must have it, reported as
    ``updated item "k"`` in the words of an assignment (mypy's own was ``[dict-item]`` or
    ``[arg-type]`` in ``Literal`` words); the argument is then taken as it comes."""
    items = _item_shapes(ctx.type)
    if items is None or len(items) != 1:
        return sig
    arg_types = list(sig.arg_types)
    for i, actuals in enumerate(ctx.args[:len(arg_types)]):
        values: List[Tuple[str, Expression]] = []
        for e in actuals:
            if sig.arg_kinds[i] == ARG_STAR2:
                values.append((f'updated item "{_keyword(ctx.context, e)}"', e))
            elif isinstance(e, DictExpr):
                values += [(f"updated item {_key_text(k, n)}", v)
                           for n, (k, v) in enumerate(e.items)]
        for part, value in values:
            with ctx.api.msg.filter_errors(filter_revealed_type=True):
                shapes = _shapes(ctx.api.get_expression_type(value))
            if shapes is not None and len(shapes) == 1 and shapes[0] not in items \
                    and _declared(ctx, 0, items, shapes, value, part=part):
                arg_types[i] = AnyType(TypeOfAny.special_form)
    return sig.copy_modified(arg_types=arg_types)


def _keyword(call: object, e: Expression) -> str:
    # The keyword an argument was given by (a signature hook's context has the names).
    if isinstance(call, CallExpr):
        for arg, name in zip(call.args, call.arg_names):
            if arg is e and name is not None:
                return name
    return "?"


def _key_text(key: Optional[Expression], n: int) -> str:
    # How an updated item is named: its key when written as a literal, else its position.
    if isinstance(key, StrExpr):
        return f'"{key.value}"'
    if isinstance(key, IntExpr):
        return str(key.value)
    return str(n)


def _add(ctx: MethodSigContext, position: int, method: str) -> FunctionLike:
    sig = ctx.default_signature
    if method in _MAPPING_ADDERS:
        return _update(ctx)
    items = _item_shapes(ctx.type)
    if items is not None and position == 0:
        return _extended(ctx, items)
    position = max(position, 1)
    if len(ctx.args) < position or len(ctx.args[position - 1]) != 1:
        return sig
    if items is None or method in _ITERABLE_ADDERS or method == "__setitem__":
        return _add_layer(ctx, position, method)
    e = ctx.args[position - 1][0]
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        t = ctx.api.get_expression_type(e)
    shapes = _shapes(t)
    if shapes is None or all(s in items for s in shapes):
        return sig
    if _declared(ctx, position, items, shapes, e, part=_PARTS.get(method)):
        # A list annotated with its item's shape: the item must have it (reported, and
        # taken as it comes so mypy does not say it again in other words).
        arg_types = list(sig.arg_types)
        arg_types[position - 1] = AnyType(TypeOfAny.special_form)
        return sig.copy_modified(arg_types=arg_types)
    return _mixed(ctx, sig, position, t)


def _declared(
    ctx: MethodSigContext,
    position: int,
    items: List[translate.StaticShape],
    shapes: List[translate.StaticShape],
    e: Expression,
    part: Optional[str] = None,
) -> bool:
    """Whether the list is a name or attribute annotated with one item shape (``xs:
    List[Tensor[2, 3]] = []``, a parameter, ``self.skips: List[...]``) that the item
    provably lacks: then the error is reported here, in the words of an assignment."""
    from mypy_plugin.callbacks.boundaries import boundary_message
    from mypy_plugin.callbacks.boundary_index import Boundary, target_text

    call = ctx.context
    if len(items) != 1 or len(shapes) != 1 or not isinstance(call, CallExpr) \
            or not isinstance(call.callee, MemberExpr):
        return False
    receiver = call.callee.expr
    name = target_text(receiver)
    where = Boundary("assign", name or "", lvalue=receiver,
                     part=part or ("appended item" if position == 1 else "inserted item"))
    if name is None or origin(ctx.api, receiver) != "declared":
        return False  # a list typed by its first items: it may mix shapes
    verdict = rigid_mismatch(items[0], shapes[0])
    if not isinstance(verdict, Mismatch):
        return False
    ctx.api.fail(boundary_message(where, items[0], shapes[0], verdict.axis), e, code=SHAPE)
    return True


def list_add_hook(position: int) -> Callable[[MethodSigContext], FunctionLike]:
    """The signature hook of ``list.append``/``list.insert`` and the other :data:`ADDERS`
    (``position``: the item's).

    >>> callable(list_add_hook(1))
    True
    """
    return guarded("list.append", lambda ctx: _add(ctx, position, _method(ctx.context)),
                   lambda ctx: ctx.default_signature)


def _method(context: object) -> str:
    # Which adder a signature hook was asked for, from the node it checks: a call names it,
    # an index target is ``__setitem__``, an augmented assignment ``+=``.
    if isinstance(context, CallExpr) and isinstance(context.callee, MemberExpr):
        return context.callee.name
    if isinstance(context, OperatorAssignmentStmt) and context.op == "|":
        return "__ior__"
    return "__setitem__" if isinstance(context, IndexExpr) else "__iadd__"


def _read(ctx: MethodContext) -> Type:
    from mypy_plugin.callbacks.inferred_receivers import held_in_list  # (it imports this module)

    loop_replay(ctx)  # ``for blk in blocks:``: the body run per item (flow_loops.py)
    held = held_in_list(ctx)  # (``setters[0]`` of ``setters = [b.set]``)
    if held is not ctx.default_return_type:
        return held
    container = get_proper_type(ctx.type)
    if isinstance(ctx.context, IndexExpr) and isinstance(container, Instance) \
            and container.type.fullname == "builtins.dict":
        # ``params["w"]`` of a dict display read as that item's own type comes first.
        own: Type = dict_item_hook(ctx)
        if own is not ctx.default_return_type:
            return own
    ret = get_proper_type(ctx.default_return_type)
    iterated = isinstance(ret, Instance) and ret.type.fullname == "typing.Iterator"
    key = container_key(ctx.api, ctx.context, iterated)
    if key is None or key not in MIXED:
        return ctx.default_return_type
    unknown = _unknown_item(ctx.api, ctx.type)
    if unknown is None:
        return ctx.default_return_type
    # The item itself, a slice's list, ``d.get(k)``'s Optional, ``for x in xs``'s iterator,
    # ``d.values()``, ``d.items()``: each with the item's sizes unknown.
    return _replaced(ctx.default_return_type, *unknown)


def _unknown_item(api: CheckerPluginInterface, container: Type) -> Optional[Tuple[Type, Type]]:
    """A mixed container's item type, and what a read of it gives: a layer of unknown sizes
    (``Dense[Any, Any]``) or a tensor of unknown shape."""
    item = _item_type(container)
    if item is None:
        return None
    layer = _layer(item)
    if layer is not None:
        return layer, layer.copy_modified(args=[AnyType(TypeOfAny.special_form)] * len(layer.args))
    unknown = _any_shape(api, container) if _item_shapes(container) is not None else None
    return None if unknown is None else (item, unknown)


def mark_passed(ctx: FunctionContext) -> None:
    """A user function or method given an inferred list or dict of tensors or layers
    (``grow(skips)``) may add items of any size to it: what is read from it afterwards has
    unknown sizes, as after an ``append`` of another shape.

    >>> callable(mark_passed)
    True
    """
    for actuals, types in zip(ctx.args, ctx.arg_types):
        for e, t in zip(actuals, types):
            p = get_proper_type(t)
            if not isinstance(p, Instance) or p.type.fullname not in (
                    "builtins.list", "builtins.dict") or not isinstance(e, (NameExpr, MemberExpr)):
                continue
            item = _item_type(p)
            if item is None or (_layer(item) is None and _shapes(item) is None) \
                    or origin(ctx.api, e) != "inferred":
                continue
            key = container_key(ctx.api, e, iterated=True)
            if key is not None:
                MIXED.add(key)


PASSERS = frozenset({"builtins.reversed", "builtins.sorted", "builtins.list", "builtins.tuple",
                     "builtins.enumerate", "builtins.zip", "builtins.iter"})
"""The builtins that pass a container's items on (``reversed(skips)``, ``zip(ups, skips)``):
from a mixed container, the items they give have unknown sizes too."""


def _pass_items(ctx: FunctionContext) -> Type:
    ret = ctx.default_return_type
    for actuals, types in zip(ctx.args, ctx.arg_types):
        for e, t in zip(actuals, types):
            key = container_key(ctx.api, e, iterated=True)
            unknown = _unknown_item(ctx.api, t) if key is not None and key in MIXED else None
            if unknown is not None:
                ret = _replaced(ret, *unknown)
    return ret


pass_items_hook: Callable[[FunctionContext], Type] = guarded(
    "list pass", _pass_items, lambda ctx: ctx.default_return_type
)
"""The function hook of :data:`PASSERS`: ``reversed(skips)`` of a list known to mix shapes
gives tensors of unknown shape (the U-Net decoder's ``for up, skip in zip(ups,
reversed(skips))``), not the first item's.

>>> callable(pass_items_hook)
True
"""


def _replaced(ret: Type, item: Type, unknown: Type) -> Type:
    # ``ret`` with the container's item type replaced: the item itself, a member of an
    # Optional (``d.get(k)``), the item of an iterator (``for layer in layers``).
    p = get_proper_type(ret)
    if is_same_type(p, item):
        return unknown
    if isinstance(p, UnionType):
        return UnionType.make_union([_replaced(m, item, unknown) for m in p.items])
    if isinstance(p, Instance) and p.args and p.type.fullname != translate.TENSOR_FULLNAME:
        return p.copy_modified(args=[_replaced(a, item, unknown) for a in p.args])
    return ret


def _any_shape(api: CheckerPluginInterface, list_type: Type) -> Optional[Type]:
    found = _item_type(list_type)
    if found is None:
        return None
    item = get_proper_type(found)
    if isinstance(item, UnionType):
        item = get_proper_type(item.items[0])
    if not isinstance(item, Instance) or item.type.fullname != translate.TENSOR_FULLNAME:
        return None
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    return item.copy_modified(args=[UnpackType(tuple_any)])


list_read_hook: Callable[[MethodContext], Type] = guarded(
    "list read", _read, lambda ctx: ctx.default_return_type
)
"""The method hook of ``list.pop``/``__getitem__`` and the other :data:`READERS`: a tensor
of unknown shape (a layer of unknown sizes) from a container known to mix them.

>>> callable(list_read_hook)
True
"""
