"""``functools.partial`` of a function with shaped parameters, and calls of such a partial.

mypy's own plugin checks the arguments a partial holds (``functools.partial(add,
tf.zeros(2, 5))``), and those of each call of it, against the function's parameters, and
says a mismatch as ``[arg-type]`` in ``Literal`` words. Here the arguments are bound as a call
of the function binds them (``Bindings``, the words ``@tf.shapecheck`` raises when the partial
is called): the held ones when the partial is made, then, at each call, the held ones and the
call's together in the function's parameter order, as the run time binds them (``Dim "B"
differs for "add": argument "x" gives B = 2, argument "y" gives B = 3``). The first mismatch
is a ``[shape]`` error and mypy's ``[arg-type]`` error at that argument is dropped.

The held tensors' types and the function's own signature ride on the partial's type (its
``extra_attrs``, as mypy's plugin keeps its own there) for the calls to read back.

>>> callable(function_partial), callable(function_partial_call)
(True, True)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from mypy.nodes import ARG_NAMED, ARG_POS, FUNC_NO_INFO, Decorator, Expression, FuncDef, RefExpr
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import (
    CallableType,
    ExtraAttrs,
    Instance,
    LiteralType,
    TupleType,
    Type,
    UninhabitedType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.calls import pattern_of, qualname
from mypy_plugin.callbacks.common import report_shape_error
from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import ShapeError

__all__ = ["function_partial", "function_partial_call"]

_SIG = "__typedflux_partial_function"  # the function's own signature
_HELD = "__typedflux_partial_held"  # a tuple type: the held arguments' types, by parameter
_NEXT = "__typedflux_partial_next"  # the parameter a call's first positional argument is for

# (parameter index, expression, type) of each argument, in the order given.
Placed = List[Tuple[int, Optional[Expression], Type]]


def _function(ctx: FunctionContext) -> Optional[Tuple[FuncDef, CallableType]]:
    """The plain function (not a method, a class or a callable object) a partial is made of,
    when a parameter of it names dims."""
    if not ctx.args or len(ctx.args[0]) != 1:
        return None
    callee = ctx.args[0][0]
    node = getattr(callee, "node", None) if isinstance(callee, RefExpr) else None
    node = node.func if isinstance(node, Decorator) else node
    sig = get_proper_type(getattr(node, "type", None))
    if not isinstance(node, FuncDef) or node.info is not FUNC_NO_INFO or \
            not isinstance(sig, CallableType):
        return None
    if not any(pattern_of(t) is not None for t in sig.arg_types):
        return None
    return node, sig


def _place(
    sig: CallableType,
    arg_names: List[List[Optional[str]]],
    args: List[List[Expression]],
    kinds: List[List[Any]],
    types: List[List[Type]],
    first: int,
    out: Placed,
) -> Optional[int]:
    """Place each argument on its parameter (positional ones from parameter ``first`` on,
    keywords by name) into ``out``; the next positional parameter, or ``None`` when an
    argument cannot be placed (``*xs``, ``**kw``: mypy's check)."""
    pos = first
    for names, exprs, ks, ts in zip(arg_names, args, kinds, types):
        for name, e, kind, t in zip(names, exprs, ks, ts):
            if kind == ARG_POS and pos < len(sig.arg_kinds) and sig.arg_kinds[pos].is_positional():
                out.append((pos, e, t))
                pos += 1
            elif kind == ARG_NAMED and name in sig.arg_names:
                out.append((sig.arg_names.index(name), e, t))
            else:
                return None
    return pos


def _bind(name: str, sig: CallableType, placed: Placed) -> Optional[Tuple[ShapeError, int]]:
    """Bind the placed arguments in the function's parameter order (as ``@tf.shapecheck``
    does); the first mismatch and the index of its argument in ``placed``."""
    env = Bindings(name)
    shapes = translate.Names()
    labels = [n or f"#{i + 1}" for i, n in enumerate(sig.arg_names)]
    for k in sorted(range(len(placed)), key=lambda k: placed[k][0]):
        i, _, t = placed[k]
        pattern, actual = pattern_of(sig.arg_types[i]), translate.shape_of(t, shapes)
        if pattern is None or actual is None:
            continue
        try:
            env.bind(f'argument "{labels[i]}"', pattern, actual)
        except ShapeError as err:
            return err, k
    return None


def _without_arg_type_at(ctx: Any, at: Any, run: Callable[[], Type]) -> Type:
    """``run()`` (mypy's own hook) with its ``[arg-type]`` error at ``at`` dropped."""
    with ctx.api.msg.filter_errors(filter_errors=lambda _, info: (
            info.code is not None and info.code.code == "arg-type"
            and (info.line, info.column) == (at.line, at.column))):
        return run()


def function_partial(ctx: FunctionContext, default: Callable[[FunctionContext], Type]) -> Optional[Type]:
    """``functools.partial(f, ...)`` of a function with shaped parameters: the held
    arguments checked, and noted on mypy's type for the calls; ``None`` for anything else."""
    found = _function(ctx)
    if found is None or len(ctx.arg_types) < 2:
        return None
    node, sig = found
    placed: Placed = []
    next_pos = _place(sig, ctx.arg_names[1:], ctx.args[1:], ctx.arg_kinds[1:], ctx.arg_types[1:],
                      0, placed)
    if next_pos is None:
        return None
    failed = _bind(qualname(node.fullname, False), sig, placed)
    if failed is not None:
        err, k = failed
        at = placed[k][1] or ctx.context  # (each held argument has its expression)
        out = _without_arg_type_at(ctx, at, lambda: default(ctx))
        report_shape_error(ctx.api, err, at)
        return out
    out = default(ctx)
    p = get_proper_type(out)
    if not isinstance(p, Instance):
        return out
    held: Dict[int, Type] = {i: t for i, _, t in placed}
    attrs = dict(p.extra_attrs.attrs) if p.extra_attrs else {}
    attrs[_SIG] = sig.copy_modified(name=qualname(node.fullname, False))
    # (a parameter not held: Never, the type no argument has)
    attrs[_HELD] = TupleType([held.get(i, UninhabitedType()) for i in range(len(sig.arg_types))],
                             ctx.api.named_generic_type("builtins.tuple", []))
    attrs[_NEXT] = LiteralType(next_pos, ctx.api.named_generic_type("builtins.int", []))
    new = p.copy_modified()
    new.extra_attrs = ExtraAttrs(
        attrs, (set(p.extra_attrs.immutable) if p.extra_attrs else set()) | {_SIG, _HELD, _NEXT},
        p.extra_attrs.mod_name if p.extra_attrs else None)
    return new


def function_partial_call(ctx: MethodContext, default: Callable[[MethodContext], Type]) -> Optional[Type]:
    """A call of such a partial: the held arguments and the call's bound together; ``None``
    when the partial is not one of a shaped function."""
    p = get_proper_type(ctx.type)
    attrs = p.extra_attrs.attrs if isinstance(p, Instance) and p.extra_attrs else {}
    sig, held = get_proper_type(attrs.get(_SIG)), get_proper_type(attrs.get(_HELD))
    next_pos = get_proper_type(attrs.get(_NEXT))
    if not isinstance(sig, CallableType) or not isinstance(held, TupleType) or \
            not isinstance(next_pos, LiteralType) or not isinstance(next_pos.value, int):
        return None
    placed: Placed = [(i, None, t) for i, t in enumerate(held.items)
                      if not isinstance(get_proper_type(t), UninhabitedType)]
    if _place(sig, ctx.arg_names, ctx.args, ctx.arg_kinds, ctx.arg_types, next_pos.value,
              placed) is None:
        return None
    failed = _bind(sig.name or "", sig, placed)
    if failed is None:
        return None
    err, k = failed
    at = placed[k][1] or ctx.context
    out = _without_arg_type_at(ctx, at, lambda: default(ctx))
    report_shape_error(ctx.api, err, at)
    return out
