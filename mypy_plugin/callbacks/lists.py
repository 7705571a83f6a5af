"""Lists of tensors of several shapes (skip connections saved on the way down a U-Net).

mypy types a list by its first items: after ``skips = []; skips.append(h1)`` it is a
``list[Tensor[B, 8, 16, 16]]``, so ``skips.append(h2)`` of another shape is an ``arg-type``
error and ``skips.pop()`` is typed as the first item's shape whatever it returns. Both are
false: a Python list holds tensors of any shape. These hooks let ``append``/``insert`` take a
tensor of another shape, remember that the list (a variable or attribute, in its function)
now mixes shapes, and type what is read from such a list (``pop``, ``[i]``) as a tensor of
unknown shape: the run time checks it. A list whose tensors all have one shape keeps its
precise type. (A ``for`` loop over the list asks mypy for ``__iter__`` without a method hook:
its items keep the first item's type.) A list whose type is declared (``xs: List[Tensor[2,
3]] = []``, a parameter, an annotated attribute) holds that shape only: an item of another
shape is reported where it is added, in the words of an assignment (``Assigned shape Tensor[2,
4] (appended item) does not match the annotation Tensor[2, 3] of "xs": ...``), so is an item
of a display given to ``extend`` (``(extended item 1)``).

>>> sorted(ADDERS), sorted(READERS)
(['builtins.list.append', 'builtins.list.extend', 'builtins.list.insert'], ['builtins.list.__getitem__', 'builtins.list.pop'])
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    CallExpr, Expression, IndexExpr, ListExpr, MemberExpr, NameExpr, StarExpr, TupleExpr, Var,
)
from mypy.plugin import CheckerPluginInterface, MethodContext, MethodSigContext
from mypy.types import (
    AnyType,
    FunctionLike,
    Instance,
    Type,
    TypeOfAny,
    UnionType,
    UnpackType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.codes import SHAPE
from typedflux.shapes.bind import Mismatch, rigid_mismatch

__all__ = ["ADDERS", "READERS", "list_add_hook", "list_read_hook"]

ADDERS: Dict[str, int] = {
    "builtins.list.append": 1, "builtins.list.insert": 2, "builtins.list.extend": 0}
"""The list methods that add an item, and the position of the item among their arguments
(0: ``extend``, whose one argument holds the items)."""
READERS = frozenset({"builtins.list.pop", "builtins.list.__getitem__"})

# Lists known to mix tensor shapes: (enclosing function, receiver text). Filled as mypy checks
# the appends, which come before the reads in a function's body.
_MIXED: Set[Tuple[str, str]] = set()


def _receiver(e: Expression) -> Optional[str]:
    if isinstance(e, NameExpr):
        return e.fullname or e.name
    if isinstance(e, MemberExpr):
        inner = _receiver(e.expr)
        return None if inner is None else f"{inner}.{e.name}"
    return None


def _key(api: CheckerPluginInterface, context: object) -> Optional[Tuple[str, str]]:
    """Which list a method is called on, as (function, receiver), from the call's node."""
    if isinstance(context, CallExpr) and isinstance(context.callee, MemberExpr):
        target = _receiver(context.callee.expr)
    elif isinstance(context, IndexExpr):
        target = _receiver(context.base)
    else:
        target = None
    if target is None:
        return None
    scope = getattr(api, "scope", None)
    func = scope.current_function() if scope is not None else None
    return (getattr(func, "fullname", "") or "", target)


def _shapes(t: Type) -> Optional[List[translate.StaticShape]]:
    """The shapes a tensor type (or a union of tensor types) may have; ``None`` otherwise."""
    p = get_proper_type(t)
    members = p.items if isinstance(p, UnionType) else [p]  # a loop's variable is a union
    out = [translate.shape_of(m) for m in members]
    return None if any(s is None for s in out) else [s for s in out if s is not None]


def _item_shapes(list_type: Type) -> Optional[List[translate.StaticShape]]:
    p = get_proper_type(list_type)
    if isinstance(p, Instance) and p.type.fullname == "builtins.list" and len(p.args) == 1:
        return _shapes(p.args[0])
    return None


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
    key = _key(ctx.api, ctx.context)
    if key is not None:
        _MIXED.add(key)
    return sig.copy_modified(arg_types=[AnyType(TypeOfAny.special_form)])


def _add(ctx: MethodSigContext, position: int) -> FunctionLike:
    sig = ctx.default_signature
    items = _item_shapes(ctx.type)
    if items is not None and position == 0:
        return _extended(ctx, items)
    if items is None or len(ctx.args) < position or len(ctx.args[position - 1]) != 1:
        return sig
    e = ctx.args[position - 1][0]
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        t = ctx.api.get_expression_type(e)
    shapes = _shapes(t)
    if shapes is None or all(s in items for s in shapes):
        return sig
    if _declared(ctx, position, items, shapes, e):
        # A list annotated with its item's shape: the item must have it (reported, and
        # taken as it comes so mypy does not say it again in other words).
        arg_types = list(sig.arg_types)
        arg_types[position - 1] = AnyType(TypeOfAny.special_form)
        return sig.copy_modified(arg_types=arg_types)
    key = _key(ctx.api, ctx.context)
    if key is not None:
        _MIXED.add(key)
    arg_types = list(sig.arg_types)
    arg_types[position - 1] = t
    return sig.copy_modified(arg_types=arg_types)


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
    from mypy_plugin.callbacks.boundaries import boundary_message, target_origin
    from mypy_plugin.callbacks.boundary_index import Boundary, target_text

    call = ctx.context
    if len(items) != 1 or len(shapes) != 1 or not isinstance(call, CallExpr) \
            or not isinstance(call.callee, MemberExpr):
        return False
    receiver = call.callee.expr
    name = target_text(receiver)
    where = Boundary("assign", name or "", lvalue=receiver,
                     part=part or ("appended item" if position == 1 else "inserted item"))
    var = receiver.node if isinstance(receiver, NameExpr) else None
    declared = (isinstance(var, Var) and not var.is_inferred) if var is not None else (
        target_origin(ctx.api, where) == "declared")  # (an attribute)
    if name is None or not declared:
        return False  # a list typed by its first items: it may mix shapes
    verdict = rigid_mismatch(items[0], shapes[0])
    if not isinstance(verdict, Mismatch):
        return False
    ctx.api.fail(boundary_message(where, items[0], shapes[0], verdict.axis), e, code=SHAPE)
    return True


def list_add_hook(position: int) -> Callable[[MethodSigContext], FunctionLike]:
    """The signature hook of ``list.append``/``list.insert`` (``position``: the item's).

    >>> callable(list_add_hook(1))
    True
    """
    return guarded("list.append", lambda ctx: _add(ctx, position),
                   lambda ctx: ctx.default_signature)


def _read(ctx: MethodContext) -> Type:
    key = _key(ctx.api, ctx.context)
    if key is None or key not in _MIXED:
        return ctx.default_return_type
    if _item_shapes(ctx.type) is None:
        return ctx.default_return_type
    unknown = _any_shape(ctx.api, ctx.type)
    if unknown is None:
        return ctx.default_return_type
    ret = get_proper_type(ctx.default_return_type)
    if isinstance(ret, Instance) and ret.type.fullname == translate.TENSOR_FULLNAME:
        return unknown  # an item (a slice gives a list, left as it is)
    return ctx.default_return_type


def _any_shape(api: CheckerPluginInterface, list_type: Type) -> Optional[Type]:
    p = get_proper_type(list_type)
    if not isinstance(p, Instance) or len(p.args) != 1:
        return None
    item = get_proper_type(p.args[0])
    if isinstance(item, UnionType):
        item = get_proper_type(item.items[0])
    if not isinstance(item, Instance) or item.type.fullname != translate.TENSOR_FULLNAME:
        return None
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    return item.copy_modified(args=[UnpackType(tuple_any)])


list_read_hook: Callable[[MethodContext], Type] = guarded(
    "list read", _read, lambda ctx: ctx.default_return_type
)
"""The method hook of ``list.pop``/``__getitem__``: a tensor of unknown shape from a list
known to mix shapes.

>>> callable(list_read_hook)
True
"""
