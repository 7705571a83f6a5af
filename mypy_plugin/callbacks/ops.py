"""Tensor ops: run an op's shape rule on the call's static shapes and refine the result type.

One callback serves every op of the catalog: it maps the call's actual arguments to the
spec's ``Args`` (by name, as mypy gives formal names; by position for dunders), reads each by
its ``Kind``, calls ``spec.rule`` and either reports the rule's ``ShapeError`` with code
``shape`` or returns ``Tensor[<computed dims>]``. Whatever it cannot read statically makes it
return mypy's default type silently: it never reports what it cannot prove.

>>> from mypy_plugin.routing import ROUTES
>>> callable(op_hook(ROUTES.functions["zeros"]))
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Union

from mypy.nodes import (
    ARG_POS, ARG_STAR, ARG_STAR2, ArgKind, CallExpr, Expression, GeneratorExpr, ListComprehension,
    ListExpr, NameExpr, TupleExpr,
)
from mypy.plugin import AttributeContext, CheckerPluginInterface, FunctionContext, MethodContext
from mypy.types import AnyType, Instance, TupleType, Type, TypeOfAny, UnionType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.boundaries import check_boundary
from mypy_plugin.callbacks.bound_lists import bound_list
from mypy_plugin.callbacks.creation import literal_shape
from mypy_plugin.callbacks.starred_items import comprehended, display_types, starred_types
from mypy_plugin.callbacks.reduced_values import HELD, REDUCTIONS, after_elementwise, after_reduction
from mypy_plugin.callbacks.index_tensors import index_with_tensor
from mypy_plugin.callbacks.tensor_data import tensor_of_data
from mypy_plugin.callbacks.union_operands import followed, joined_context, union_operand
from mypy_plugin.callbacks.common import (
    CURRENT_API, guarded, names_in_scope, report_shape_error, tensor_template, type_lookup,
)
from mypy_plugin.flow import tensor_items
from mypy_plugin.flow_sizes import inline_sizes, starred_sizes
from mypy_plugin.routing import Route
from mypy_plugin.values import (
    NotStatic, static_axis, static_bool, static_index, static_int, static_ints, static_value,
)
from typedflux.shapes.catalog import Arg, Kind
from typedflux.shapes.errors import CannotTell, ShapeError

__all__ = ["op_hook", "property_hook"]

CallContext = Union[FunctionContext, MethodContext]
Lookup = Callable[[Expression], Optional[Type]]


class _Bail(Exception):
    """An argument cannot be read statically: return mypy's default type, report nothing."""


@dataclass
class _Actual:
    """The actual arguments bound to one formal parameter (several for ``*args``)."""

    types: List[Type] = field(default_factory=list)
    exprs: List[Optional[Expression]] = field(default_factory=list)
    kinds: List[ArgKind] = field(default_factory=list)
    names: List[Optional[str]] = field(default_factory=list)  # keyword names (``**sizes``)


# The name of numpy's array parameter (``np.sum(a, axis=None, ...)``): where a Tensor stands
# when numpy's own function is called on it (route role "numpy", callbacks/numpy_functions.py).
NUMPY_ARRAY_ARGUMENT = "a"


def _formal_index(ctx: CallContext, arg: Arg, position: int, role: str) -> Optional[int]:
    names = ctx.callee_arg_names
    if role == "numpy" and position == 0:
        # numpy's own function on a Tensor (``np.sum(a, ...)``): the tensor is numpy's ``a``.
        a = NUMPY_ARRAY_ARGUMENT
        return names.index(a) if a in names else None
    if arg.name in names:
        return names.index(arg.name)
    # Dunders are often declared positional-only (no names): fall back on the position.
    if position < len(names) and names[position] is None:
        return position
    return None


def _actuals(route: Route, ctx: CallContext) -> Dict[str, _Actual]:
    spec = route.spec
    out: Dict[str, _Actual] = {}
    formal_args = list(spec.args)
    if route.role in ("method", "reflected"):
        assert isinstance(ctx, MethodContext)
        self_pos = 0 if route.role == "method" else 1
        self_arg = spec.args[self_pos]
        out[self_arg.name] = _Actual([ctx.type], [None], [ArgKind.ARG_POS])
        formal_args = [a for i, a in enumerate(spec.args) if i != self_pos]
    for position, arg in enumerate(formal_args):
        i = _formal_index(ctx, arg, position, route.role)
        if i is None or i >= len(ctx.arg_types) or not ctx.arg_types[i]:
            continue
        # (``tf.cat(*(a, b), c)``: mypy maps ``*(a, b)`` once per item; kept once, typed a tuple)
        kept = [j for j, (e, k) in enumerate(zip(ctx.args[i], ctx.arg_kinds[i]))
                if k != ARG_STAR or not any(e is f for f in ctx.args[i][:j])]
        out[arg.name] = _Actual(
            [ctx.arg_types[i][j] for j in kept], [ctx.args[i][j] for j in kept],
            [ctx.arg_kinds[i][j] for j in kept], [ctx.arg_names[i][j] for j in kept],
        )
    return out


def _one(act: _Actual) -> tuple[Type, Optional[Expression]]:
    if len(act.types) != 1 or act.kinds[0] == ARG_STAR:
        raise _Bail
    return act.types[0], act.exprs[0]


def _static(value: object) -> Any:
    if isinstance(value, NotStatic):
        raise _Bail
    return value


def _tensor_shape(t: Type, names: translate.Names) -> translate.StaticShape:
    # A union (``tf.cat(x, y)`` of a variable a loop rebinds) is read as the shape all its
    # members share: the result holds for each (mypy does not split a function's argument).
    s = translate.joined_shape(t, names) if isinstance(get_proper_type(t), UnionType) \
        else translate.operand_shape(t, names)
    if s is None:
        raise _Bail
    return s


def _array_shape(act: _Actual, lookup: Lookup, names: translate.Names) -> translate.StaticShape:
    # A literal's exact shape (``onehot([3, 1, 4], 9)``), else what its type says.
    t, e = _one(act)
    literal = literal_shape(e, lookup) if e is not None and not translate.is_tensor(t) else None
    made = tensor_of_data(e, lookup) if e is not None and literal is None else None
    if made is not None:  # ``y.numpy().tolist()``: y's shape (typeshed says Any)
        t = made
    s = literal if literal is not None else translate.data_shape(t, names)
    if s is None:
        raise _Bail
    return s


def _tensor_list(act: _Actual, lookup: Lookup, names: translate.Names) -> tuple[Any, ...]:
    types: List[Type] = []
    if len(act.types) == 1:
        expr = act.exprs[0]
        if isinstance(expr, NameExpr) and act.kinds[0] != ARG_STAR:
            bound = bound_list(expr, lookup)  # a list bound once (a display, a comprehension)
            if isinstance(bound, ListExpr):
                expr = ListExpr(bound.items)
            elif bound is not None:
                expr = bound
        if isinstance(expr, (ListExpr, TupleExpr)) and act.kinds[0] != ARG_STAR:
            listed = display_types(expr, lookup)  # (``[*xs, y]``: starred_items.py)
            if listed is None:
                raise _Bail
            types = listed
        elif act.kinds[0] != ARG_STAR and _of_generator(expr) is not None:
            # ``tf.stack(list(f(x) for x in xs))``: as the comprehension it wraps.
            return _tensor_list(_Actual(act.types, [_of_generator(expr)], act.kinds), lookup, names)
        elif isinstance(expr, (ListComprehension, GeneratorExpr)):
            # ``tf.stack([e(x) for e in experts])``, ``tf.cat(*[w(x) for w in heads])``: the
            # call's context types the list itself (``Sequence[Tensor]``), so the item's own
            # type says the shape of every item.
            found = comprehended(expr, lookup)
            if found is None:
                raise _Bail
            one, n = _tensor_shape(found[0], names), found[1]
            return (one,) * n if n is not None and 1 <= n <= 1024 else _Copies((one, one))
        elif act.kinds[0] == ARG_STAR and _homogeneous(get_proper_type(act.types[0])):
            # ``tf.cat(*[f(x) for x in xs])``, ``tf.cat(*parts)``: any number of one type.
            star = get_proper_type(act.types[0])
            assert isinstance(star, Instance)
            one = _tensor_shape(star.args[0], names)
            return _Copies((one, one))
        else:
            p = get_proper_type(act.types[0])
            if isinstance(p, TupleType):
                types = list(p.items)
            elif act.kinds[0] != ARG_STAR and translate.is_tensor(p):
                types = [p]  # ``tf.cat(x)``: one tensor passed to ``*xs``
            elif act.kinds[0] != ARG_STAR and _homogeneous(p):
                assert isinstance(p, Instance)
                one = _tensor_shape(p.args[0], names)
                # (flow.py's run: how many items, and their shapes, a loop appended)
                held = tensor_items(CURRENT_API[0], expr) if isinstance(expr, NameExpr) else None
                if held is None:
                    return _Copies((one, one))
                types = list(held)
            else:
                raise _Bail
    else:  # (a ``*`` argument among others: ``*[b(x) for b in branches], y``)
        given = [(starred_types(e, lookup) if e is not None else None) if k == ARG_STAR
                 else [t] for t, e, k in zip(act.types, act.exprs, act.kinds)]
        if any(g is None for g in given):
            raise _Bail
        types = [t for g in given if g is not None for t in g]
    return tuple(_tensor_shape(t, names) for t in types)


class _Copies(tuple):  # type: ignore[type-arg]
    """A list of tensors of one type and unknown length, read as two of them: ``stack`` and
    ``concat`` then say everything but the count (:func:`_unknown_count`)."""


_LISTS = ("builtins.list", "typing.Sequence", "collections.abc.Sequence")


def _of_generator(e: Optional[Expression]) -> Optional[GeneratorExpr]:
    """``gen`` of ``list(gen)`` or ``tuple(gen)``."""
    if (isinstance(e, CallExpr) and isinstance(e.callee, NameExpr) and len(e.args) == 1
            and e.callee.fullname in ("builtins.list", "builtins.tuple")
            and e.arg_kinds == [ARG_POS] and isinstance(e.args[0], GeneratorExpr)):
        return e.args[0]
    return None


def _homogeneous(p: object) -> bool:
    return (isinstance(p, Instance) and p.type.fullname in _LISTS and len(p.args) == 1
            and translate.is_tensor(get_proper_type(p.args[0])))


def _unknown_count(shape: Any, axis: Any) -> Any:
    """``shape`` of two copies joined at ``axis``, with the joined axis unknown (the list
    may hold any number of them)."""
    if not isinstance(shape, tuple) or not isinstance(axis, int) or any(
            isinstance(d, translate.Star) for d in shape):
        raise _Bail
    i = axis + len(shape) if axis < 0 else axis
    if not 0 <= i < len(shape):
        raise _Bail
    return shape[:i] + (translate.UNKNOWN,) + shape[i + 1:]


def _dims(act: _Actual, lookup: Lookup, names: translate.Names) -> tuple[Any, ...]:
    items: List[tuple[Optional[Expression], Type]] = []
    alone = len(act.types) == 1
    for e, t, k in zip(act.exprs, act.types, act.kinds):
        p = get_proper_type(t)
        if alone and isinstance(e, (TupleExpr, ListExpr)) and k != ARG_STAR:
            items += [(x, lookup(x) or t) for x in e.items]  # ``reshape((16, 784))``
        elif isinstance(p, TupleType) and (alone or k == ARG_STAR):
            items += [(None, i) for i in p.items]  # ``reshape(x.shape)``, ``*x.shape[:-1], 4``
        elif k == ARG_STAR:
            # (a list, or a tuple of unknown length: how many sizes is unknown; but for
            # ``*lead`` of ``*lead, d = x.shape``: flow_sizes.py)
            starred = starred_sizes(CURRENT_API[0], e, lookup) if e is not None else None
            if starred is None:
                raise _Bail
            items += [(None, i) for i in starred]
        else:
            items.append((e, t))
    return tuple(_dim(e, t, lookup, names) for e, t in items)


def _dim(e: Optional[Expression], t: Type, lookup: Lookup, names: translate.Names) -> Any:
    e = inline_sizes(CURRENT_API[0], e) if e is not None else None  # (``half``: flow_sizes.py)
    d = translate.dim_of_expr(e, lookup, names) if e is not None else None
    if d is None:
        translate.collect_names([t], names)
        d = translate.dim_of_type(t, strings=False)
    if d is None:
        raise _Bail
    return d


def _dim_or_none(e: Expression, lookup: Lookup, names: translate.Names) -> Any:
    t = lookup(e)
    if t is None:
        return None
    try:
        return _dim(e, t, lookup, names)
    except _Bail:
        return None


def _read(
    arg: Arg,
    act: Optional[_Actual],
    lookup: Lookup,
    names: translate.Names,
    guessed: Optional[List[bool]] = None,
) -> Any:
    if act is None:
        try:
            return arg.omitted()
        except CannotTell:
            raise _Bail from None
    kind = arg.kind
    if kind == Kind.TENSOR:
        t, _ = _one(act)
        return _tensor_shape(t, names)
    if kind == Kind.ARRAY:
        return _array_shape(act, lookup, names)
    if kind == Kind.TENSORS:
        return _tensor_list(act, lookup, names)
    if kind == Kind.DIMS:
        return _dims(act, lookup, names)
    if kind == Kind.AXES:
        if len(act.exprs) == 1 and act.kinds[0] != ARG_STAR:
            e = act.exprs[0]
            if e is None:
                raise _Bail
            v = static_int(e, lookup)
            if isinstance(v, int):
                return (v,)
            return _static(static_ints(e, lookup))
        if any(k == ARG_STAR for k in act.kinds):
            raise _Bail
        return tuple(_static(static_int(e, lookup)) for e in act.exprs if e is not None)
    if kind == Kind.SIZES:
        return _sizes(act, lookup, names)
    t, e = _one(act)
    if e is None:
        raise _Bail
    if kind == Kind.DIM:
        return _dim(e, t, lookup, names)
    if kind == Kind.AXIS:
        return _static(static_axis(e, lookup))
    if kind == Kind.INT:
        return _static(static_int(e, lookup))
    if kind == Kind.BOOL:
        return _static(static_bool(e, lookup))
    if kind == Kind.INDEX:
        def bound(b: Expression) -> Any:
            return _dim_or_none(b, lookup, names)

        key: object = static_index(e, lookup, guessed, bound)
        if isinstance(key, NotStatic):  # ``table[tf.tensor(rel)]``: an integer index tensor
            key = index_with_tensor(e, lookup, names, lambda i: static_index(i, lookup, None, bound))
        return _static(key)
    if kind == Kind.STATIC:
        return _static(static_value(e, lookup))
    raise _Bail


def _sizes(act: _Actual, lookup: Lookup, names: translate.Names) -> tuple[Any, ...]:
    # ``h=8, d=D``: keyword dims in call order; a ``**mapping`` cannot be read statically.
    out = []
    for e, t, k, name in zip(act.exprs, act.types, act.kinds, act.names):
        if k == ARG_STAR2 or name is None or e is None:
            raise _Bail
        out.append((name, _dim(e, t, lookup, names)))
    return tuple(out)


def _result_type(
    api: CheckerPluginInterface, shape: Any, default: Type, names: translate.Names,
    several: bool = False,
) -> Type:
    if not isinstance(shape, tuple):
        return default
    template = tensor_template(api, default)
    if template is None:
        return default
    names_in_scope(api, names)
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])

    def tensor(dims: Any) -> Type:
        return translate.type_of_shape(
            dims,
            template,
            names,
            api.named_generic_type("builtins.int", []),
            api.named_generic_type("builtins.str", []),
            tuple_any,
        )

    if several:
        # One Tensor type per output: ``q, k, v = tf.split(...)`` gets three shapes.
        if not all(isinstance(s, tuple) for s in shape):
            return default
        fallback = api.named_generic_type("builtins.tuple", [template])
        return TupleType([tensor(s) for s in shape], fallback)
    return tensor(shape)


def run_rule(route: Route, ctx: CallContext) -> Type:
    """Read the arguments, run the rule, report or refine (the body of every op hook).

    >>> callable(run_rule)  # exercised by tests/typecheck/case_*.py
    True
    """
    spec = route.spec
    ctx = followed(route, ctx)
    lookup = type_lookup(ctx.api)
    names = translate.Names()
    guessed: List[bool] = []
    try:
        acts = _actuals(route, ctx)
        kwargs = {
            arg.name: _read(arg, acts.get(arg.name), lookup, names, guessed)
            for arg in spec.args
            if arg.kind != Kind.IGNORED
        }
    except _Bail:
        return ctx.default_return_type
    copies = any(isinstance(v, _Copies) for v in kwargs.values())
    if copies and spec.name not in ("stack", "concat", "cat"):
        return ctx.default_return_type
    try:
        shape = spec.rule(**kwargs)
        if copies:
            shape = _unknown_count(shape, kwargs.get("axis"))
    except (CannotTell, _Bail):
        if spec.name in REDUCTIONS and not guessed and not copies:
            after_reduction(ctx, kwargs)  # an axis inside a variadic run (reduced_values.py)
        return ctx.default_return_type
    except ShapeError as err:
        if copies:  # (an empty list fails otherwise at run time: not this error)
            return ctx.default_return_type
        # An error found with a stand-in index value proves nothing; nor does one found with
        # one member of a union (``x`` after a loop that rebinds it, a conditional value):
        # mypy checks each member in turn, and the value may be another one.
        if not guessed and not union_operand(ctx):
            report_shape_error(ctx.api, err, ctx.context)
        elif not guessed:
            every = _joined_error(route, ctx)  # (one that every member of the unions gives)
            if every is not None:
                report_shape_error(ctx.api, every, ctx.context)
        return ctx.default_return_type
    result = _result_type(ctx.api, shape, ctx.default_return_type, names, spec.several)
    if HELD and spec.elementwise and not guessed and route.role != "reflected":
        # (a value reduced in a run: reduced_values.py; ``2 * s`` runs in mypy's error filter)
        after_elementwise(ctx, [kwargs[a.name] for a in spec.args if a.kind == Kind.TENSOR
                                and a.name in kwargs], shape)
    if route.role == "reflected" and not any(
        translate.is_tensor(t) for types in ctx.arg_types for t in types
    ):
        # ``2 * x``: mypy tries the number's ``__mul__`` first and this ``__rmul__`` only when
        # that fails, inside one error filter; an error here would make the whole operator
        # "unsupported" in the number's words. mypy's own check of the annotation reports it,
        # reworded (callbacks/reworded.py).
        return check_boundary(ctx, result, later=True)
    return check_boundary(ctx, result)


def _joined_error(route: Route, ctx: CallContext) -> Optional[ShapeError]:
    """The error the rule gives with each union operand read as the shape all its members
    share: then every member fails (a report holds whichever value the variable has)."""
    joined = joined_context(route, ctx)
    if joined is None:
        return None
    lookup = type_lookup(joined.api)
    names = translate.Names()
    guessed: List[bool] = []
    try:
        acts = _actuals(route, joined)
        kwargs = {arg.name: _read(arg, acts.get(arg.name), lookup, names, guessed)
                  for arg in route.spec.args if arg.kind != Kind.IGNORED}
        if guessed or any(isinstance(v, _Copies) for v in kwargs.values()):
            return None
        route.spec.rule(**kwargs)
    except ShapeError as err:
        return err
    except (CannotTell, _Bail):
        return None
    return None


def op_hook(route: Route) -> Callable[[CallContext], Type]:
    """The function/method hook for one route, wrapped so it can never crash mypy.

    >>> from mypy_plugin.routing import ROUTES
    >>> callable(op_hook(ROUTES.methods["__matmul__"]))
    True
    """

    def hook(ctx: CallContext) -> Type:
        return run_rule(route, ctx)

    return guarded(f'"{route.spec.name}"', hook, lambda ctx: ctx.default_return_type)


def property_hook(route: Route) -> Callable[[AttributeContext], Type]:
    """The attribute hook for a property op such as ``x.T``.

    >>> from mypy_plugin.routing import ROUTES
    >>> callable(property_hook(ROUTES.properties["T"]))
    True
    """

    def hook(ctx: AttributeContext) -> Type:
        names = translate.Names()
        shape = translate.shape_of(ctx.type, names)
        if shape is None:
            return ctx.default_attr_type
        self_arg = route.spec.args[0]
        try:
            out = route.spec.rule(**{self_arg.name: shape})
        except CannotTell:
            return ctx.default_attr_type
        except ShapeError as err:
            report_shape_error(ctx.api, err, ctx.context)
            return ctx.default_attr_type
        return check_boundary(ctx, _result_type(ctx.api, out, ctx.default_attr_type, names))

    return guarded(f'"{route.spec.name}"', hook, lambda ctx: ctx.default_attr_type)
