"""Operands whose type is a union of tensors: a name a loop rebinds.

mypy checks an operator or a method on a union receiver once per member, and passes a
function's union argument whole. ``ops.py`` reads such operands in two ways:

- :func:`followed`: a plain name whose scope's run knows the one tensor it holds there
  (``h`` after ``for layer in layers: h = layer(h)``: ``flow.tensor_at``) is that tensor,
  whichever member mypy is checking;
- :func:`joined_context`: each union operand read as the shape all its members share
  (``translate.joined_shape``: ``Tensor[1, 3] | Tensor[1, 4]`` is ``Tensor[1, ?]``), so an
  error the rule gives then holds for every member (ops.py reports only such an error when an
  operand is a union).

>>> sorted(__all__)[:2]
['callee_is_union', 'followed']
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

from mypy.nodes import CallExpr, ComparisonExpr, Expression, IndexExpr, MemberExpr, NameExpr, \
    OpExpr, UnaryExpr
from mypy.plugin import FunctionContext, MethodContext, MethodSigContext
from mypy.types import AnyType, Instance, ProperType, Type, TypeOfAny, UnionType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import tensor_template
from mypy_plugin.callbacks.rebound_names import rebound_import
from mypy_plugin.flow import tensor_at
from mypy_plugin.routing import Route

__all__ = ["receiver_expr", "joined_type", "followed", "joined_context", "operand_exprs",
           "union_operand", "held_type", "callee_is_union"]

CallContext = Union[FunctionContext, MethodContext]


def receiver_expr(route: Route, c: Any) -> Optional[Expression]:
    """The expression a method's or operator's receiver comes from (None: not known).

    >>> from mypy_plugin.routing import ROUTES
    >>> receiver_expr(ROUTES.methods["__matmul__"], None) is None
    True
    """
    if isinstance(c, OpExpr):
        return c.left if route.role == "method" else c.right
    if isinstance(c, ComparisonExpr) and len(c.operands) == 2:
        return c.operands[0] if route.role == "method" else c.operands[1]
    if route.role != "method":
        return None
    if isinstance(c, UnaryExpr):
        return c.expr
    if isinstance(c, IndexExpr):
        return c.base
    if isinstance(c, CallExpr) and isinstance(c.callee, MemberExpr):
        return c.callee.expr
    return None


def joined_type(ctx: CallContext, e: Optional[Expression], member: Type) -> Optional[Type]:
    """The type every member of ``e``'s union has (``Tensor[1, ?]`` for ``Tensor[1, 3] |
    Tensor[1, 4]``: translate.joined_shape); ``member`` where ``e``'s type is no union of
    tensors.

    >>> callable(joined_type)  # exercised by tests/typecheck/case_flow_unions.py
    True
    """
    if e is None:
        return member
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        t = get_proper_type(ctx.api.get_expression_type(e))
    if not isinstance(t, UnionType):
        return member
    if isinstance(e, NameExpr):
        held = tensor_at(ctx.api, e)  # (a name the scope's run follows: flow.py)
        if held is not None:
            return held
    names = translate.Names()
    shape = translate.joined_shape(t, names)
    template = tensor_template(ctx.api, *t.items)
    if shape is None or template is None:
        return None
    api = ctx.api
    return translate.type_of_shape(
        shape, template, names, api.named_generic_type("builtins.int", []),
        api.named_generic_type("builtins.str", []),
        api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)]))


def followed(route: Route, ctx: CallContext) -> CallContext:
    """``ctx`` with each operand that is a name mypy types as a union (``h`` after ``for
    layer in layers: h = layer(h)``) typed as its scope's run says it holds there (flow.py),
    when the run knows: that one value, not each member of the union.

    >>> callable(followed)  # exercised by tests/typecheck/case_flow_layer_loops.py
    True
    """
    c = ctx.context
    receiver = receiver_expr(route, c) if route.role in ("method", "reflected") else None
    args = [list(group) for group in ctx.args]
    if isinstance(c, OpExpr) and len(args) == 1 and len(args[0]) == 1:
        # (mypy passes an operand of an operator as a TempNode of one member's type)
        args[0][0] = c.right if route.role == "method" else c.left
    names = [e for e in [receiver, *(e for group in args for e in group)]
             if isinstance(e, NameExpr)]
    if not names:
        return ctx
    held: Dict[int, Instance] = {}
    for e in names:
        with ctx.api.msg.filter_errors(filter_revealed_type=True):
            t = get_proper_type(ctx.api.get_expression_type(e))
        if isinstance(t, UnionType):
            found = tensor_at(ctx.api, e)
            if found is not None:
                held[id(e)] = found
    if not held:
        return ctx
    if receiver is not None and id(receiver) in held:
        assert isinstance(ctx, MethodContext)
        ctx = ctx._replace(type=held[id(receiver)])
    return ctx._replace(arg_types=[
        [held.get(id(e), t) for t, e in zip(types, exprs)]
        for types, exprs in zip(ctx.arg_types, args)])


def joined_context(route: Route, ctx: CallContext) -> Optional[CallContext]:
    """``ctx`` with every union operand typed as the shape all its members share (None: an
    operand whose members are not all tensors).

    >>> callable(joined_context)  # exercised by tests/typecheck/case_flow_unions.py
    True
    """
    if route.role in ("method", "reflected"):
        assert isinstance(ctx, MethodContext)
        receiver = joined_type(ctx, receiver_expr(route, ctx.context), ctx.type)
        if receiver is None:
            return None
        ctx = ctx._replace(type=get_proper_type(receiver))
    arg_types: List[List[Type]] = []
    for types, exprs in zip(ctx.arg_types, ctx.args):
        group: List[Type] = []
        for t, e in zip(types, exprs):
            j = joined_type(ctx, e, t)
            if j is None:
                return None
            group.append(j)
        arg_types.append(group)
    return ctx._replace(arg_types=arg_types)


def operand_exprs(ctx: CallContext) -> List[Expression]:
    """The expressions an op's operands come from: the arguments, and for an operator or a
    method the receiver (which mypy hands the hook as a type only)."""
    out = [e for group in ctx.args for e in group]
    c = ctx.context
    if isinstance(c, OpExpr):
        out += [c.left, c.right]
    elif isinstance(c, ComparisonExpr):
        out += list(c.operands)
    elif isinstance(c, UnaryExpr):
        out.append(c.expr)
    elif isinstance(c, IndexExpr):
        out.append(c.base)
    elif isinstance(c, CallExpr) and isinstance(c.callee, MemberExpr):
        out.append(c.callee.expr)
    return out


def union_operand(ctx: CallContext) -> bool:
    """Whether some operand's type is a union of several types (then a mismatch of the
    member at hand is no proof).

    >>> callable(union_operand)  # exercised by tests/typecheck/case_flow_unions.py
    True
    """
    for e in operand_exprs(ctx):
        with ctx.api.msg.filter_errors(filter_revealed_type=True):
            t = get_proper_type(ctx.api.get_expression_type(e))
        if isinstance(t, UnionType) and len(t.items) > 1:
            return True
    return False


def held_type(api: Any, e: Expression, t: ProperType) -> ProperType:
    """``t`` (the type of argument ``e``), or for a name mypy types as a union the tensor its
    scope's run says it holds there (``Dense(4, 2)(h)`` after a loop over layers).

    >>> from mypy.types import AnyType, TypeOfAny
    >>> any_type = AnyType(TypeOfAny.special_form)
    >>> held_type(None, None, any_type) is any_type
    True
    """
    if isinstance(e, NameExpr) and isinstance(t, UnionType):
        held = tensor_at(api, e)
        if held is not None:
            return held
    if translate.is_tensor(t) and rebound_import(api, e):
        # (``from lib import feature``, then ``feature = ...`` here: any shape; ``lib.TABLE``)
        unknown = get_proper_type(tensor_template(api))
        return unknown if unknown is not None else t
    return t


def callee_is_union(ctx: MethodSigContext) -> bool:
    """Whether the called layer's own type is a union (``for layer in model.layers``): mypy
    asks about each member, and a member that rejects the input proves nothing.

    >>> class Ctx: context = None
    >>> callee_is_union(Ctx())  # type: ignore[arg-type]
    False
    """
    call = ctx.context
    if not isinstance(call, CallExpr):
        return False
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        t = get_proper_type(ctx.api.get_expression_type(call.callee))
    return isinstance(t, UnionType) and len(t.items) > 1
