"""``tf.tensor(data)`` from a literal: the shape of nested lists of numbers, like numpy's.

``tf.tensor([[1., 2.]])`` is ``Tensor[1, 2]``; a number is ``Tensor[()]``. Anything that is
not a rectangular literal of numbers (a variable, a ragged list, an array) keeps mypy's type.

>>> from mypy.nodes import FloatExpr, ListExpr
>>> literal_shape(ListExpr([ListExpr([FloatExpr(1.0), FloatExpr(2.0)])]))
(1, 2)
"""

from __future__ import annotations

from typing import Callable, Optional, Tuple

from mypy.nodes import (
    ComplexExpr,
    Expression,
    FloatExpr,
    IntExpr,
    ListExpr,
    NameExpr,
    OpExpr,
    TupleExpr,
    UnaryExpr,
)
from mypy.plugin import FunctionContext
from mypy.types import LiteralType, Type

from mypy_plugin.callbacks.boundaries import check_boundary
from mypy_plugin.callbacks.common import guarded, tensor_template, type_lookup
from mypy_plugin.translate.reading import TypeLookup
from mypy_plugin.values import NotStatic, static_int

__all__ = ["literal_shape", "tensor_literal_hook"]


def literal_shape(e: Expression, lookup: Optional[TypeLookup] = None) -> Optional[Tuple[int, ...]]:
    """The shape numpy gives a nested literal of numbers, or None if it is not one. A list
    repeated a known number of times (``[[0] * T] * B``, ``T`` a literal or a constant) has
    that many items.

    >>> from mypy.nodes import IntExpr, ListExpr, OpExpr
    >>> literal_shape(ListExpr([IntExpr(1), ListExpr([IntExpr(2)])])) is None  # ragged
    True
    >>> literal_shape(OpExpr("*", ListExpr([OpExpr("*", ListExpr([IntExpr(0)]), IntExpr(3))]), IntExpr(2)))
    (2, 3)
    """
    if isinstance(e, (IntExpr, FloatExpr, ComplexExpr)):
        return ()
    if isinstance(e, NameExpr) and e.fullname in ("builtins.True", "builtins.False"):
        return ()
    if isinstance(e, UnaryExpr) and e.op in ("-", "+"):
        return literal_shape(e.expr, lookup)
    if isinstance(e, OpExpr) and e.op == "*":
        return _repeated(e, lookup)
    if isinstance(e, (ListExpr, TupleExpr)):
        inner = [literal_shape(i, lookup) for i in e.items]
        if not inner or any(s is None for s in inner) or len(set(inner)) != 1:
            return None  # empty, ragged or not numbers: numpy's own rules, left to run time
        first = inner[0]
        assert first is not None
        return (len(e.items),) + first
    return None


def _repeated(e: OpExpr, lookup: Optional[TypeLookup]) -> Optional[Tuple[int, ...]]:
    # ``[x] * n`` or ``n * [x]``: n copies of the items, for a known n >= 1.
    for seq, count in ((e.left, e.right), (e.right, e.left)):
        if not isinstance(seq, (ListExpr, TupleExpr, OpExpr)):
            continue
        inner = literal_shape(seq, lookup)
        n = static_int(count, lookup or (lambda _: None))
        if inner and not isinstance(n, NotStatic) and n >= 1:
            return (inner[0] * n, *inner[1:])
    return None


def tensor_literal_hook() -> Callable[[FunctionContext], Type]:
    """The function hook for ``typedflux.tensor``.

    >>> callable(tensor_literal_hook())
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        if not ctx.args or len(ctx.args[0]) != 1:
            return ctx.default_return_type
        shape = literal_shape(ctx.args[0][0], type_lookup(ctx.api))
        template = tensor_template(ctx.api, ctx.default_return_type)
        if shape is None or template is None:
            return ctx.default_return_type
        int_type = ctx.api.named_generic_type("builtins.int", [])
        dims: list[Type] = [LiteralType(d, int_type) for d in shape]
        return check_boundary(ctx, template.copy_modified(args=dims))

    return guarded('"tensor"', hook, lambda ctx: ctx.default_return_type)


