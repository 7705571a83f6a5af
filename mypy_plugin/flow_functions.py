"""A plain function whose parameters name no shape, called with known shapes: its body is its rule.

Model code wraps a few layer calls in a function annotated with bare tensors::

    backbone = Chain(Dense(30, 64, relu), Dense(64, 16, relu))

    def encode(x: Tensor) -> Tensor:
        return backbone(x)

    classifier(encode(tf.randn(5, 30)))        # Tensor[5, 16] reaches the classifier

mypy types ``encode(...)`` as a bare ``Tensor``, so everything after it is unknown. At a call
whose arguments are tensors of known shape (or ``None``), :func:`function_call` runs the body
on those shapes (``bodies.run_body``: the op catalog's rules, the run time's words), as the run
time does, and the call gets the result's shape; a mismatch in the body for these shapes is
reported at the call, where the run time raises.

The body read: locals bound by ``name = ...`` (or unpacked, ``q, k = to_q(x), to_k(x)``), an
``if p is None:`` / ``if p is not None:`` (with an optional ``else``) made of such lines,
then one ``return``: the branch the value the body holds takes (an ``Optional`` cache given
``None`` or a tensor), or both, joined, for an argument typed ``Optional[...]``
(flow_branches.py). Soundness: only an undecorated,
non-generator ``def`` of the module (not a method) with plain positional parameters, called
with one positional argument per parameter: a tensor of known shape (or ``None``) for a
parameter unannotated, a bare ``Tensor`` or an ``Optional`` of one; an int known statically
for an ``int`` parameter (``sinusoidal(t, 32)``: a size the body builds with); a number for a
``float`` parameter (an ODE's ``f(t, y)``: an operand, never a size); or a layer (any
annotation: the body calls it with its rule); and declared to return a bare ``Tensor`` or a
tuple of them (so the shapes it gets cannot conflict with its annotation). A value the body
reads from outside must be known where the body runs (a layer bound once at module level, a
``Final``: bodies.py). A body that fails for a tensor of any shape is reported by mypy in the
body itself; the call adds nothing then. A function whose parameters are all ints (a builder,
``build(10, 32)``; ``sine_positions(4, 4, 32)``) is checked for the call's ints by
flow_builders.py instead, and typed by that run. Such a def called in a body being run
(``rk4``'s ``k1 = f(t, y)``) runs there on the values the body holds (:func:`nested_call`).

>>> function_call(object(), object()) is None
True
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence, Tuple, Union

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    FUNC_NO_INFO,
    AssertStmt,
    AssignmentStmt,
    Expression,
    ExpressionStmt,
    FuncDef,
    IfStmt,
    ReturnStmt,
    Statement,
    StrExpr,
    Var,
)
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    NoneType,
    TupleType,
    Type,
    TypeOfAny,
    UnionType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.declared_types import optional_member
from mypy_plugin.flow_arguments import ANY, none_default
from mypy_plugin.flow_branches import (
    ASSERT, Assert, Branch, Maybe, Names, assignment, branch_step,
)
from mypy_plugin.flow_builders import builder_check
from mypy_plugin.callbacks.bodies import Receiver, run_body, tensor_shape, tensor_value
from mypy_plugin.callbacks.chain_items import chain_item
from mypy_plugin.callbacks.common import names_in_scope, report_shape_error, tensor_template
from mypy_plugin.callbacks.layer_bodies import user_layer_rule
from mypy_plugin.flow_dims import NUMBER, is_size
from mypy_plugin.flow_instances import instance_attributes
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_config import is_int

__all__ = ["function_call", "nested_call"]

_Target = Union[Names, Branch, Assert]
_Steps = List[Tuple[_Target, Optional[Expression]]]


def _bare(t: Type) -> bool:
    """A parameter type that names no shape: unannotated, a bare ``Tensor``, or an
    ``Optional`` of one."""
    p = get_proper_type(t)
    if isinstance(p, UnionType):
        return all(isinstance(get_proper_type(i), NoneType) or _bare(i) for i in p.items)
    return isinstance(p, AnyType) or (
        translate.is_tensor(p) and translate.tensor_pattern(p) is None)


def _plain_tensor(t: Any) -> bool:
    """``Tensor`` itself with no shape (not a subclass)."""
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.fullname == translate.TENSOR_FULLNAME and \
        translate.tensor_pattern(p) is None


def bare_result(default: Any) -> bool:
    """Whether a call's declared result lets :func:`function_call` run the body: a bare
    ``Tensor`` or a tuple of them (not a subclass: a ``NewType`` of Tensor would lose its own
    type). Cheap: callbacks/factories.py asks it before looking the callee up.

    >>> bare_result(None)
    False
    """
    p = get_proper_type(default)
    return _plain_tensor(p) or isinstance(p, TupleType) and bool(p.items) and all(
        map(_plain_tensor, p.items))


def _steps(stmts: List[Statement], out: _Steps) -> bool:
    """Append the lines ``stmts`` run: assignments, and ``if p is None:`` branches
    (flow_branches.py: the branch the value takes when the body runs, or both for an
    ``Optional`` argument); False for anything else."""
    for s in stmts:
        if isinstance(s, AssignmentStmt):
            step = assignment(s)
            if step is None:
                return False
            out.append(step)
        elif isinstance(s, IfStmt):
            branch = branch_step(s)
            if branch is None:
                return False
            out.append((branch, None))
        elif isinstance(s, AssertStmt):  # ``assert idx.ndim == 2``: stepped over (flow_branches.py)
            out.append((ASSERT, s.expr))
        else:
            return False
    return True


_UNKNOWN = object()  # an argument the body cannot be run on


def _argument(api: Any, e: Expression, t: Type, declared: Type, names: translate.Names) -> Any:
    """A call's argument as the body's value: a tensor of known shape for a parameter that
    names no shape, ``None``, or a layer (a :class:`_Layer`); else :data:`_UNKNOWN`."""
    p = get_proper_type(t)
    if isinstance(p, NoneType):
        return None if _bare(declared) else _UNKNOWN
    if isinstance(p, UnionType) and _bare(declared):  # ``Optional[Tensor[2, 4]]``: a Maybe
        member = optional_member(p)
        inner = _argument(api, e, member, declared, names) if member is not None else _UNKNOWN
        return _UNKNOWN if inner is _UNKNOWN else Maybe(inner)
    if translate.is_tensor(p):
        shape = translate.shape_of(p, names) if _bare(declared) else None
        return _UNKNOWN if shape is None else tensor_value(tuple(shape))
    if _int_type(declared):  # ``sinusoidal(t, CH)``: a size the body builds with
        from mypy_plugin.flow import outer_value  # (flow.py imports the checks)
        from mypy_plugin.flow_values import evaluate

        v = evaluate(e, {}, lambda x: outer_value(api, x), set())
        return v if is_int(v) and v >= 0 else _UNKNOWN
    if _float_type(declared):  # ``f(t, y)`` of an ODE's time: a number, never a size
        return NUMBER
    layer = _layer_rule(api, e, p) if isinstance(p, Instance) else None
    return _UNKNOWN if layer is None else _Layer(layer)


def _layer_rule(api: Any, e: Expression, t: Instance) -> Any:
    """How a layer given as an argument runs: a built-in layer or a typed user layer by its
    rule (chain_items.py), a user layer with a bare ``__call__`` by its body with what the
    construction ``e`` is traced to built (flow_instances.py); None: not a layer known here."""
    if not t.type.fullname.startswith("typedflux."):
        attrs = instance_attributes(api, e)
        rule = user_layer_rule(t, attrs) if attrs else None
        if rule is not None:
            return rule
    item = chain_item(t)
    return None if item is None else (lambda x: item.call([x]))


class _Layer(Receiver):
    """A layer the function was given: called with one tensor in the body (``model(x)``)."""

    def __init__(self, rule: Any) -> None:
        self.rule = rule

    def call(self, name: str, args: List[Any], kinds: List[Any],
             names: Optional[Sequence[Optional[str]]] = None) -> Any:
        if name != "__call__" or len(args) != 1 or kinds != [ARG_POS]:
            raise CannotTell("a layer argument used otherwise than called with one tensor")
        return tensor_value(tuple(self.rule(tensor_shape(args[0]))))


def function_call(ctx: Any, func: Any) -> Optional[Type]:
    """The result type of ``encode(x)`` of such a function (``ctx`` the call's
    ``FunctionContext``, ``func`` the ``FuncDef`` it calls), or None (mypy's type); a
    mismatch the body gives for these shapes is reported at the call."""
    default = get_proper_type(getattr(ctx, "default_return_type", None))
    # The cheap tests first: a bare Tensor result or a tuple of them, a plain module function,
    # plain arguments.
    if not bare_result(default):
        return None
    if not isinstance(func, FuncDef) or func.info is not FUNC_NO_INFO or func.is_decorated \
            or func.is_generator or func.is_coroutine:
        return None
    try:
        arguments = func.arguments
    except AttributeError:  # a function read from mypy's cache (a library's): no body here
        return None
    # (mypy's arguments are by parameter: one each, or none for a ``= None`` left out)
    if not arguments or len(ctx.arg_types) != len(arguments) or any(
            k not in (ARG_POS, ARG_NAMED) for kinds in ctx.arg_kinds for k in kinds) or not all(
            a.kind == ARG_POS and len(types) == 1 or none_default(a) and len(types) <= 1
            for a, types in zip(arguments, ctx.arg_types)):
        return None
    if all(_int_parameter(a) for a in arguments):
        # ``build(10, 32)``, ``sine_positions(4, 4, 32)``: the body for these ints, and the
        # result it returns for them (flow_builders.py)
        return builder_check(ctx, func)
    return _run(ctx, func, arguments)


def _int_parameter(a: Any) -> bool:
    return _int_type(a.variable.type)


def _int_type(t: Any) -> bool:
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.fullname == "builtins.int"


def _straight(func: FuncDef) -> Optional[Tuple[_Steps, Expression]]:
    """The steps of ``func``'s body and its return's expression; None for a body not read
    here."""
    stmts = list(func.body.body)
    if len(stmts) >= 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]  # a docstring
    ret = stmts[-1].expr if stmts and isinstance(stmts[-1], ReturnStmt) else None
    if ret is None:
        return None
    local: _Steps = []
    return (local, ret) if _steps(stmts[:-1], local) else None


def nested_call(func: FuncDef, values: List[Any]) -> Any:
    """``f(t, y)`` called in a body being run (``rk4``'s ``k1 = f(t, y)``): such a def's
    body run on the values it is given, as at run time: a tensor (or ``None``, or a layer)
    for a parameter that names no shape, a number for a ``float`` or ``int`` one. The
    result's value; CannotTell for any other function or value.

    >>> from mypy.nodes import Block
    >>> try:
    ...     nested_call(FuncDef("f", [], Block([])), [])
    ... except CannotTell:
    ...     print("not read")
    not read
    """
    sig = func.type
    if func.info is not FUNC_NO_INFO or func.is_decorated or func.is_generator or \
            func.is_coroutine or not isinstance(sig, CallableType):
        raise CannotTell("a function that is not a plain def of the module")
    try:
        arguments = func.arguments
    except AttributeError:  # (read from mypy's cache: no body here)
        raise CannotTell("a function with no body here") from None
    if not arguments or len(arguments) != len(values) or len(sig.arg_types) != len(values) \
            or any(k != ARG_POS for k in func.arg_kinds):
        raise CannotTell("a function called otherwise than with one value per parameter")
    for declared, v in zip(sig.arg_types, values):
        number = is_size(v) or isinstance(v, float)
        if not (isinstance(v, Receiver) or (_float_type(declared) or _int_type(declared))
                and number or _bare(declared) and not number):
            raise CannotTell("a value its parameter's type does not hold")
    found = _straight(func)
    if found is None:
        raise CannotTell("a body not read here")
    return run_body({id(a.variable): v for a, v in zip(arguments, values)}, *found)


def _float_type(t: Any) -> bool:
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.fullname == "builtins.float"


def _run(ctx: Any, func: FuncDef, arguments: List[Any]) -> Optional[Type]:
    stmts = list(func.body.body)
    if len(stmts) >= 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]  # a docstring
    if not stmts or not isinstance(stmts[-1], ReturnStmt) or stmts[-1].expr is None:
        return None
    ret = stmts[-1].expr
    names = translate.Names()
    names_in_scope(ctx.api, names)
    sig = func.type
    declared = list(sig.arg_types) if isinstance(sig, CallableType) else [
        AnyType(TypeOfAny.unannotated)] * len(arguments)
    if len(declared) != len(arguments):
        return None
    values = [_argument(ctx.api, es[0], types[0], d, names) if es else None
              for es, types, d in zip(ctx.args, ctx.arg_types, declared)]
    if any(v is _UNKNOWN for v in values):
        return None
    params = {a.variable: v for a, v in zip(arguments, values)}
    found = _straight(func)
    if found is None:
        return None
    local, ret = found
    env = {id(var): v for var, v in params.items()}
    template = tensor_template(ctx.api)
    declared = get_proper_type(ctx.default_return_type)
    if template is None:
        return None
    try:
        value = run_body(env, local, ret)
        several = isinstance(declared, TupleType)
        if several and (not isinstance(value, tuple) or len(value) != len(declared.items)):
            return None  # (mypy reports a tuple of another length at the return)
        outs = [tensor_shape(v) for v in value] if several else [tensor_shape(value)]
    except CannotTell:
        return None
    except ShapeError as err:
        # A body that fails for a tensor of any shape is reported by mypy in the body (its
        # parameters are bare there); the call adds nothing then.
        try:
            any_env = {id(var): (v if v is None or isinstance(v, Receiver) else Maybe(
                ANY) if isinstance(v, Maybe) else ANY) for var, v in params.items()}
            run_body(any_env, local, ret)
        except ShapeError:
            return None
        except CannotTell:
            pass
        report_shape_error(ctx.api, err, ctx.context)
        return None
    any_type = AnyType(TypeOfAny.special_form)
    typed: List[Type] = [translate.type_of_shape(
        out, template, names, ctx.api.named_generic_type("builtins.int", []),
        ctx.api.named_generic_type("builtins.str", []),
        ctx.api.named_generic_type("builtins.tuple", [any_type])) for out in outs]
    return declared.copy_modified(items=typed) if isinstance(declared, TupleType) else typed[0]
