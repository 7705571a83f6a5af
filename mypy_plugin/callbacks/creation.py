"""``tf.tensor(data)`` from a literal: the shape of nested lists of numbers, like numpy's.

``tf.tensor([[1., 2.]])`` is ``Tensor[1, 2]``; a number is ``Tensor[()]``. A comprehension
over ``range`` of a known length (``[i % V for i in range(T)]``) and ``list(range(n))`` count
as literals of that length, as does a module-level name bound once to such a literal and
read only by typedflux's functions or ``len`` (nothing can append to it). Data typed as lists nested ``k`` deep around numbers
(``list[list[int]]``: a variable, a comprehension of lists) make a tensor of rank ``k``, its
sizes unknown: numpy refuses a ragged list, so the run gives that rank or fails (an empty
outer list, ``(0,)``, is the one exception). Anything else (an array, a list of tensors, a
union) keeps mypy's type.

>>> from mypy.nodes import FloatExpr, ListExpr
>>> literal_shape(ListExpr([ListExpr([FloatExpr(1.0), FloatExpr(2.0)])]))
(1, 2)
"""

from __future__ import annotations

from typing import Callable, Dict, Optional, Set, Tuple

from mypy.nodes import (
    ARG_POS,
    GDEF,
    AssignmentStmt,
    CallExpr,
    ComplexExpr,
    Expression,
    FloatExpr,
    IntExpr,
    ListComprehension,
    ListExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    RefExpr,
    TupleExpr,
    UnaryExpr,
)
from mypy.server.subexpr import get_subexpressions
from mypy.plugin import FunctionContext
from mypy.types import AnyType, Instance, LiteralType, Type, TypeOfAny, get_proper_type

from mypy_plugin.callbacks.boundaries import check_boundary
from mypy_plugin.callbacks.bound_lists import typedflux_reads
from mypy_plugin.callbacks.common import guarded, tensor_template, type_lookup
from mypy_plugin.callbacks.numpy_arrays import numpy_array_shape
from mypy_plugin.module_constants import bound_once
from mypy_plugin.statements import PerTree, checked_tree
from mypy_plugin.translate.reading import TypeLookup
from mypy_plugin.values import NotStatic, static_int

__all__ = ["literal_shape", "nested_rank", "range_length", "tensor_literal_hook"]


def literal_shape(e: Expression, lookup: Optional[TypeLookup] = None) -> Optional[Tuple[int, ...]]:
    """The shape numpy gives a nested literal of numbers, or None if it is not one. A list
    repeated a known number of times (``[[0] * T] * B``, ``T`` a literal or a constant) has
    that many items.

    >>> from mypy.nodes import IntExpr, ListExpr, OpExpr
    >>> literal_shape(ListExpr([IntExpr(1), ListExpr([IntExpr(2)])])) is None  # ragged
    True
    >>> literal_shape(OpExpr("*", ListExpr([OpExpr("*", ListExpr([IntExpr(0)]), IntExpr(3))]), IntExpr(2)))
    (2, 3)
    >>> from mypy.nodes import CallExpr, ARG_POS
    >>> rng = NameExpr("range"); rng.fullname = "builtins.range"
    >>> lst = NameExpr("list"); lst.fullname = "builtins.list"
    >>> literal_shape(CallExpr(lst, [CallExpr(rng, [IntExpr(2), IntExpr(9)], [ARG_POS] * 2, [None] * 2)],
    ...                        [ARG_POS], [None]))
    (7,)
    """
    if isinstance(e, (IntExpr, FloatExpr, ComplexExpr)):
        return ()
    if isinstance(e, NameExpr) and e.fullname in ("builtins.True", "builtins.False"):
        return ()  # before module names: mypy binds True and False as globals (GDEF) too
    if isinstance(e, NameExpr) and e.kind == GDEF and lookup is not None:
        return _named_list(e, lookup)
    if isinstance(e, UnaryExpr) and e.op in ("-", "+"):
        return literal_shape(e.expr, lookup)
    if isinstance(e, OpExpr) and e.op == "*":
        repeated = _repeated(e, lookup)
        if repeated is not None:
            return repeated
    if isinstance(e, ListComprehension):
        return _comprehension(e, lookup)
    if isinstance(e, CallExpr) and isinstance(e.callee, NameExpr):
        if e.callee.fullname == "builtins.list" and len(e.args) == 1 and e.arg_kinds == [ARG_POS]:
            n = range_length(e.args[0], lookup)
            return None if n is None else (n,)
    if isinstance(e, (ListExpr, TupleExpr)):
        inner = [literal_shape(i, lookup) for i in e.items]
        if not inner or any(s is None for s in inner) or len(set(inner)) != 1:
            return None  # empty, ragged or not numbers: numpy's own rules, left to run time
        first = inner[0]
        assert first is not None
        return (len(e.items),) + first
    return () if _number(e, lookup) else None


def _named_list(e: NameExpr, lookup: TypeLookup) -> Optional[Tuple[int, ...]]:
    """The shape of the list a module-level name holds (``labels = [i % 3 for i in
    range(9)]``, then ``tf.onehot(labels, 3)``) when the module binds the name once, to a
    literal, and reads it only as an argument of typedflux's functions or ``len``: nothing
    can append to it."""
    tree = checked_tree(lookup)
    if tree is None or e.fullname != f"{tree.fullname}.{e.name}":
        return None
    value = _named_lists(tree).get(e.name)
    shape = literal_shape(value, lookup) if value is not None else None
    return shape if shape else None


def _read_named_lists(tree: MypyFile) -> Dict[str, Expression]:
    try:
        once = bound_once(tree)
        found: Dict[str, Expression] = {}
        for s in tree.defs:
            if (isinstance(s, AssignmentStmt) and len(s.lvalues) == 1
                    and isinstance(s.lvalues[0], NameExpr) and s.lvalues[0].name in once
                    and isinstance(s.rvalue, (ListExpr, TupleExpr, ListComprehension, OpExpr))):
                found[s.lvalues[0].name] = s.rvalue
        if not found:
            return {}
        exprs = get_subexpressions(tree)
        passed = typedflux_reads(exprs)
        targets = {id(s.lvalues[0]) for s in tree.defs if isinstance(s, AssignmentStmt)}
        for x in exprs:
            if isinstance(x, NameExpr) and x.name in found and id(x) not in passed | targets:
                del found[x.name]  # read some other way: it might be changed
        return found
    except Exception:  # noqa: BLE001 - a construct not modelled here: no lists known
        return {}


_named_lists = PerTree(_read_named_lists, keep=64)


def _number(e: Expression, lookup: Optional[TypeLookup]) -> bool:
    """``e`` is typed a Python number (a name, ``i % V``, ``float(i)``): a scalar to numpy."""
    t = get_proper_type(lookup(e)) if lookup is not None else None
    if isinstance(t, LiteralType):
        t = t.fallback
    return isinstance(t, Instance) and t.type.fullname in _NUMBERS


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


_NUMBERS = ("builtins.int", "builtins.float", "builtins.bool", "builtins.complex")


def range_length(e: Expression, lookup: Optional[TypeLookup]) -> Optional[int]:
    """``len(range(...))`` for a call of ``range`` with static int arguments, at least 1
    (an empty list is numpy's ``(0,)``, left to run time)."""
    if not (isinstance(e, CallExpr) and isinstance(e.callee, NameExpr)
            and e.callee.fullname == "builtins.range" and 1 <= len(e.args) <= 3
            and all(k == ARG_POS for k in e.arg_kinds)):
        return None
    values = [static_int(a, lookup or (lambda _: None)) for a in e.args]
    if any(isinstance(v, NotStatic) for v in values) or (len(values) == 3 and values[2] == 0):
        return None
    n = len(range(*values))  # type: ignore[arg-type]
    return n if n >= 1 else None


def _comprehension(e: ListComprehension, lookup: Optional[TypeLookup]) -> Optional[Tuple[int, ...]]:
    # ``[f(i) for i in range(n)]``: one generator over a range of known length, no condition;
    # each item a literal (its shape) or a number (by its type).
    g = e.generator
    if len(g.sequences) != 1 or any(g.condlists) or any(g.is_async):
        return None
    n = range_length(g.sequences[0], lookup)
    if n is None and lookup is not None:  # ``for b in coords``: a list of known length
        from mypy_plugin.callbacks.list_counts import sequence_count  # (it imports this module)

        n = sequence_count(g.sequences[0], lookup)
    if n is None:
        return None
    inner = literal_shape(g.left_expr, lookup)
    return None if inner is None else (n, *inner)


def nested_rank(t: Type) -> Optional[int]:
    """How many ``list`` (or ``tuple[X, ...]``) levels ``t`` nests around a number type.

    >>> nested_rank(AnyType(TypeOfAny.special_form)) is None
    True
    """
    depth = 0
    p = get_proper_type(t)
    while isinstance(p, Instance) and p.type.fullname in ("builtins.list", "builtins.tuple") \
            and len(p.args) == 1:
        depth += 1
        p = get_proper_type(p.args[0])
    if isinstance(p, LiteralType):
        p = p.fallback
    if depth and isinstance(p, Instance) and p.type.fullname in _NUMBERS:
        return depth
    return None


def _data_rank(e: Expression, t: Type, lookup: TypeLookup) -> Optional[int]:
    # The call's context (``data: Any``) makes mypy type a comprehension written in the call
    # ``list[Any]``: its item's own type says the rest.
    rank = nested_rank(t)
    if rank is None and isinstance(e, ListComprehension) and not e.generator.is_async[0]:
        item = lookup(e.generator.left_expr)
        p = get_proper_type(item) if item is not None else None
        inner = 0 if isinstance(p, Instance) and p.type.fullname in _NUMBERS else (
            nested_rank(item) if item is not None else None)
        rank = None if inner is None else inner + 1
    return rank


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
        if template is None:
            return ctx.default_return_type
        int_type = ctx.api.named_generic_type("builtins.int", [])
        made = numpy_array_shape(ctx.args[0][0], type_lookup(ctx.api)) if shape is None else None
        if shape is not None:
            dims: list[Type] = [LiteralType(d, int_type) for d in shape]
        elif made is not None:  # ``np.zeros((B, S))``: numpy's stubs say any shape
            dims = [AnyType(TypeOfAny.special_form) if d is None else LiteralType(d, int_type)
                    for d in made]
        else:
            rank = _data_rank(ctx.args[0][0], ctx.arg_types[0][0], type_lookup(ctx.api))
            if not rank:
                return ctx.default_return_type
            dims = [AnyType(TypeOfAny.special_form)] * rank
        return check_boundary(ctx, template.copy_modified(args=dims))

    return guarded('"tensor"', hook, lambda ctx: ctx.default_return_type)


