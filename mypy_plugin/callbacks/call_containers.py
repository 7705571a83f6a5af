"""Arguments that hold tensors in a container or a union, for calls.py's binding.

A parameter typed ``List[Tensor[B, 64]]`` (``Sequence``, ``Tuple[...]``, a set) takes each
item of its argument as a tensor of that pattern (:func:`item_patterns`,
:func:`container_items`, :func:`bind_set`); one typed with a union of tensor shapes
(``Union[Tensor[B, 32], Tensor[B, T, 32]]``) takes a tensor that fits one member
(:func:`union_patterns`, bound by ``Bindings.bind_union``); a ``*xs``/``**d`` argument gives
each parameter the type of its values (:func:`unpacked_value`).

>>> from mypy.types import AnyType, TypeOfAny
>>> item_patterns(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator, List, Optional, Tuple, Union

from mypy.nodes import (
    ARG_STAR2, ArgKind, CallExpr, Expression, ListExpr, SetExpr, StarExpr, TupleExpr,
)
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.types import Instance, TupleType, Type, TypedDictType, UnionType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.boundaries import tensor_members

if TYPE_CHECKING:
    from mypy_plugin.callbacks.calls import _Outcome

__all__ = [
    "actual_kind", "argument_type", "unpacked_value", "item_patterns", "container_items",
    "bind_set", "union_patterns",
]

SigContext = Union[FunctionSigContext, MethodSigContext]


def actual_kind(ctx: SigContext, e: Expression) -> Tuple[ArgKind, Optional[str]]:
    """How ``e`` is passed in the call (``*``, ``**``, a keyword), from the call node.

    >>> from mypy.nodes import NameExpr
    >>> class Ctx:
    ...     context = None
    >>> actual_kind(Ctx(), NameExpr("x"))
    (<ArgKind.ARG_POS: 0>, None)
    """
    call = ctx.context
    if isinstance(call, CallExpr):
        for j, a in enumerate(call.args):
            if a is e:
                return call.arg_kinds[j], call.arg_names[j]
    return ArgKind.ARG_POS, None


def argument_type(ctx: SigContext, e: Expression) -> Optional[Type]:
    # Arguments are not inferred yet when a signature hook runs: infer this one quietly
    # (mypy infers it again, with its context, right after; its errors are reported then).
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        return ctx.api.get_expression_type(e)


def union_patterns(formal: Type) -> Optional[List[Tuple[Instance, translate.StaticShape]]]:
    """Each tensor member of a union parameter a tensor can only be a tensor member of
    (``Union[Tensor[B, 32], Tensor[B, T, 32]]``), with its dims; ``None`` for any other
    parameter, or a union with one tensor member (:func:`_pattern` reads that one)."""
    p = get_proper_type(formal)
    if not isinstance(p, UnionType):
        return None
    members = tensor_members(p)
    if members is None or len(members) < 2:
        return None
    out = [(m, translate.tensor_pattern(m)) for m in members]
    return [(m, s) for m, s in out if s is not None] if all(s is not None for _, s in out) else None


def unpacked_value(t: Type, kind: ArgKind, key: str) -> Optional[Type]:
    """The type one parameter receives from a ``*xs``/``**d`` argument of type ``t``, when
    every value has that type (a homogeneous list/tuple, a dict, a TypedDict's key)."""
    p = get_proper_type(t)
    if kind == ARG_STAR2:
        if isinstance(p, TypedDictType):
            return p.items.get(key)
        if isinstance(p, Instance) and p.args and p.type.has_base("typing.Mapping"):
            return p.args[-1]
        return None
    if isinstance(p, TupleType):
        return None  # which item lands here depends on the position: left to mypy
    if isinstance(p, Instance) and len(p.args) == 1 and p.type.has_base("typing.Iterable"):
        return p.args[0]
    return None


def item_patterns(formal: Type) -> Optional[Callable[[int], Optional[translate.StaticShape]]]:
    """For a parameter holding tensors in a container (``List[Tensor[B, 64]]``,
    ``Sequence[...]``, ``Tuple[Tensor[...], ...]`` or a fixed ``Tuple[Tensor[..], Tensor[..]]``):
    the pattern of item ``k``; ``None`` for any other parameter."""
    p = get_proper_type(formal)
    if isinstance(p, TupleType):
        items = [translate.tensor_pattern(i) for i in p.items]
        if not any(i is not None for i in items):
            return None
        return lambda k: items[k] if k < len(items) else None
    if (
        isinstance(p, Instance)
        and len(p.args) == 1
        and not translate.is_tensor(p)
        and p.type.has_base("typing.Iterable")
    ):
        element = translate.tensor_pattern(p.args[0])
        return None if element is None else (lambda k: element)
    return None


def container_items(
    ctx: SigContext, label: str, e: Expression, t: Type
) -> Iterator[Tuple[str, int, Expression, Type]]:
    """(label, position, expression, type) of each tensor a container argument holds: the
    items of a display (``[a, b]``: ``"xs[1]"``), or one element type of a typed container."""
    if isinstance(e, (ListExpr, TupleExpr)):
        for k, item in enumerate(e.items):
            if isinstance(item, StarExpr):
                return
            it = argument_type(ctx, item)
            if it is not None:
                yield f"{label}[{k}]", k, item, it
        return
    p = get_proper_type(t)
    if isinstance(p, TupleType):
        for k, it in enumerate(p.items):
            yield f"{label}[{k}]", k, e, it
    elif isinstance(p, Instance) and len(p.args) == 1 and p.type.has_base("typing.Iterable"):
        yield label, 0, e, p.args[0]


def bind_set(
    ctx: SigContext, out: "_Outcome", label: str, pattern: Optional[translate.StaticShape], e: SetExpr
) -> None:
    """A set display's items, each on its own (``Bindings.bind_unordered``, as
    ``@tf.shapecheck`` checks a set): only when every item's shape is known, since an item
    the checker cannot read may fail at run time in other words."""
    shapes: List[translate.StaticShape] = []
    for item in e.items:
        it = argument_type(ctx, item) if not isinstance(item, StarExpr) else None
        s = translate.shape_of(it, out.names) if it is not None else None
        if s is None or any(d is translate.UNKNOWN or isinstance(d, translate.Star) for d in s):
            return
        shapes.append(s)
    if pattern is not None:
        out.env.bind_unordered(f'argument "{label}"', pattern, shapes)
