"""Helper functions that build layers: ``block(3, 32)`` of ``def block(cin, cout) -> Chain``.

Model code builds its repeated parts with helpers (VGG's conv blocks, U-Net's double conv,
MobileNet's ``conv_bn(inp, oup, stride)``) whose parameters are plain ``int``s and whose
return annotation is a bare ``Chain`` (or none). Their type says nothing about sizes, so a
model built from them loses every size there. At a call whose arguments are known ints
(literals, ``Final`` or module constants), :func:`factory_result` infers the helper's one
``return`` expression again with each parameter typed as its argument's value — what the
run time computes for those arguments — and the call gets that layer type.

A method works the same way (``self._make_layer(64, 128)``: ``self`` keeps its type), as does
a ``@staticmethod`` (``self.block(3, 16)`` or ``Encoder.block(3, 16)``), and the
body may name parts first (``conv = Conv(...)``, then ``return Chain(conv, ...)``). A body
with loops and conditions (``for a, b in zip(widths, widths[1:]): parts.append(...)``, ``if
downsample: return ...``) is run on the call's values (``flow.py``; a list of ints written
at the call or held in a followed name counts) to the ``return`` it reaches.

Soundness: only an undecorated ``def`` (or a ``@staticmethod``; not a generator or a class
method) whose result is a typedflux layer; a method called on an instance (``self.block``)
only when no class of the module deriving from the instance's class redefines it (the
instance may be one of that class); a body that is not straight-line is followed only as far as
its values are known (the ``return`` reached must not depend on anything else); the
re-inference runs in a scratch type map with every message held back. When the helper cannot build its layers for these ints (its ``[shape]`` errors only),
those errors are reported at the call, where the run time raises them; any other message,
any non-layer result or a result that is not a subtype of the declared return type leaves
mypy's type as it was. Helpers calling helpers nest up to
:data:`DEPTH`.

>>> factory_result(object()) is None
True
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

from mypy.checker import LocalTypeMap
from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    FUNC_NO_INFO,
    AssignmentStmt,
    CallExpr,
    Decorator,
    MemberExpr,
    MypyFile,
    Expression,
    ExpressionStmt,
    FuncDef,
    NameExpr,
    RefExpr,
    ReturnStmt,
    StrExpr,
    TypeInfo,
    Var,
)
from mypy.subtypes import is_subtype
from mypy.types import (
    AnyType, CallableType, Instance, LiteralType, Type, TypeOfAny, TypeType, get_proper_type,
)

from mypy_plugin.callbacks.common import type_lookup
from mypy_plugin.callbacks.layer_bodies import user_layer_call, user_method_call
from mypy_plugin.codes import SHAPE
from mypy_plugin.flow import outer_value, run_function
from mypy_plugin.flow_calls import call_body_check
from mypy_plugin.flow_chains import construction_check as chain_construction_check
from mypy_plugin.flow_dicts import read_only_binding
from mypy_plugin.flow_functions import bare_result, function_call
from mypy_plugin.flow_kwargs import forwarded_keywords, forwarding
from mypy_plugin.flow_patches import patched
from mypy_plugin.flow_instances import construction_check
from mypy_plugin.flow_run import typed
from mypy_plugin.flow_typed import partial_self_call
from mypy_plugin.flow_inits import shared_default
from mypy_plugin.flow_values import NOT_STATIC, evaluate
from mypy_plugin.statements import overridden
from mypy_plugin.values import NotStatic, static_int

__all__ = ["factory_result", "DEPTH"]

DEPTH = 8  # helpers calling helpers, at most (beyond: mypy's type)
_ACTIVE: List[int] = [0]


def _body(func: FuncDef) -> Optional[Tuple[List[AssignmentStmt], Expression]]:
    """A helper's body as straight-line code: assignments to plain names, then one
    ``return`` (a docstring first is fine); ``None`` for anything else."""
    stmts = list(func.body.body)
    if len(stmts) >= 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]  # a docstring
    if not stmts or not isinstance(stmts[-1], ReturnStmt) or stmts[-1].expr is None:
        return None
    assigns: List[AssignmentStmt] = []
    for s in stmts[:-1]:
        if not (isinstance(s, AssignmentStmt) and len(s.lvalues) == 1
                and isinstance(s.lvalues[0], NameExpr) and isinstance(s.lvalues[0].node, Var)
                and s.type is None):
            return None
        assigns.append(s)
    return assigns, stmts[-1].expr


def _is_layer(t: Type) -> bool:
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.fullname.startswith("typedflux.layers.")


def _layer_dict(t: Type) -> bool:
    """``dict[str, Dense]``: a helper returning a display of layers (``make_heads(64)``)."""
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.fullname == "builtins.dict" and len(
        p.args) == 2 and _is_layer(p.args[1])


def _value_type(t: Type) -> Type:
    """``Literal[3]?`` (an int literal's inferred type) as ``Literal[3]``."""
    p = get_proper_type(t)
    if isinstance(p, Instance) and p.last_known_value is not None:
        return p.last_known_value
    return t


def _known(t: Type) -> bool:
    p = get_proper_type(t)
    return isinstance(p, LiteralType) or (isinstance(p, Instance) and p.args == () and
                                          p.last_known_value is not None)


def _callee(ctx: Any, call: CallExpr) -> Optional[Tuple[FuncDef, int]]:
    """The helper a call runs and how many of its parameters the call's arguments skip
    (1 for a method's ``self``, bound to the receiver already)."""
    if isinstance(call.callee, NameExpr):
        func = call.callee.node
        if isinstance(func, FuncDef) and func.info is FUNC_NO_INFO:
            return func, 0
        return None
    receiver = get_proper_type(getattr(ctx, "type", None))
    exact = False  # ``Encoder.block(3, 16)``: the class's own method, whatever derives from it
    if isinstance(receiver, CallableType) and receiver.is_type_obj():
        receiver, exact = receiver.ret_type, True
    elif isinstance(receiver, TypeType):
        receiver = receiver.item
    receiver = get_proper_type(receiver)
    if not isinstance(call.callee, MemberExpr) or not isinstance(receiver, Instance):
        return None
    name = call.callee.name
    method = receiver.type.get_method(name)
    if isinstance(method, Decorator) and not method.decorators and method.func.is_static:
        method = method.func  # ``@staticmethod`` (mypy drops it from the decorator list)
    elif not isinstance(method, FuncDef) or method.is_static or method.is_class or exact:
        return None
    tree = getattr(ctx.api, "tree", None)
    if not exact and isinstance(tree, MypyFile) and (receiver.type.fullname, name) in \
            overridden(tree):
        return None  # (``self`` may be a derived class's instance, with its own method)
    if patched(receiver.type, name):
        return None  # (another function assigned to it after the class: flow_patches.py)
    return method, 0 if method.is_static else 1


def factory_result(ctx: Any) -> Optional[Type]:
    """The layer type a helper's call builds for its arguments, or None (mypy's type).

    ``ctx`` is a mypy ``FunctionContext`` (a call of a user function) or ``MethodContext``
    (a call of a method: ``self._make_layer(64, 128)``)."""
    call = getattr(ctx, "context", None)
    if not isinstance(call, CallExpr):
        return None
    receiver = getattr(ctx, "type", None)
    if isinstance(receiver, Instance) and (not isinstance(call.callee, MemberExpr) or (
            receiver.type.get_method(call.callee.name) is None)):
        # ``block(x)`` or ``self.block(x)`` of a user layer (layer_bodies.py), not a method
        return user_layer_call(ctx)
    if isinstance(call.callee, RefExpr) and isinstance(call.callee.node, TypeInfo):
        construction_check(ctx)  # ``MLP(6, 16, 3)``: what its __init__ builds (flow_instances.py)
        chain_construction_check(ctx)  # ``MLP(8)`` of ``class MLP(Chain)`` (flow_chains.py)
        call_body_check(ctx)  # its __call__ body with those layers (flow_calls.py)
        return None
    # (before the callee is looked up: most calls return something else, and finding a
    # method's callee reads every class of the module once: statements.overridden)
    default = ctx.default_return_type
    proper = get_proper_type(default)
    layered = _is_layer(default) or isinstance(proper, AnyType) or (
        _layer_dict(proper) and read_only_binding(ctx.api, call))  # (flow_dicts.py)
    if not layered and not bare_result(proper):
        return None  # (neither a layer nor a bare Tensor or tuple of them: function_call's test)
    found = _callee(ctx, call)
    if found is None:
        return None
    func, skip = found
    if func.is_generator or func.is_coroutine or (func.is_decorated and not func.is_static):
        return None
    if not layered:
        # ``encode(x)`` of ``def encode(x: Tensor) -> Tensor``: its body on x's shape
        # (``layer.step(x)`` of a method: its body as a bare __call__'s, layer_bodies.py)
        return function_call(ctx, func) if skip == 0 else user_method_call(ctx, func.name)
    body = _body(func)
    if _ACTIVE[0] >= DEPTH:
        return None
    chk = ctx.api
    if any(k not in (ARG_POS, ARG_NAMED) for k in call.arg_kinds):
        return None
    try:
        params = func.arguments[skip:]
    except AttributeError:  # a function read from mypy's cache (a library's) has no arguments
        return None
    kwargs = forwarded_keywords(ctx, func, skip)  # ``**kwargs`` passed on (flow_kwargs.py)
    if kwargs is not None:
        params = params[:-1]
    values: List[Type] = []
    # Each parameter's Python value (flow_values.py), read only for a body that is run
    # (loops, conditions): a straight-line body is inferred on ``values`` alone.
    data: List[Any] = []
    with LocalTypeMap(chk):
        for i, arg in enumerate(params):
            if arg.kind not in (ARG_POS, ARG_NAMED) and not arg.kind.is_optional():
                return None
            types = ctx.arg_types[i] if i < len(ctx.arg_types) else []
            if len(types) == 1:
                values.append(_static(chk, ctx.args[i][0], _value_type(types[0])))
                if body is None:
                    data.append(_data(chk, ctx.args[i][0], values[-1]))
            elif not types and arg.initializer is not None and shared_default(
                    func, arg, arg.initializer):
                # (a list default the body changes is shared by the calls: flow_inits.py)
                values.append(arg.variable.type or AnyType(TypeOfAny.special_form))
                if body is None:
                    data.append(NOT_STATIC)
            elif not types and arg.initializer is not None:
                with chk.msg.filter_errors():
                    values.append(_value_type(chk.expr_checker.accept(arg.initializer)))
                if body is None:
                    data.append(_data(chk, arg.initializer, values[-1]))
            else:
                return None
    if not values and not _is_layer(default):
        return None  # (an unannotated ``def main()``: not a helper that builds a layer)
    if values and not any(_known(v) for v in values) and (
            body is not None or all(isinstance(d, NotStatic) for d in data)):
        return None  # nothing more known than the helper's own annotations say
    with forwarding(kwargs):
        if body is None:  # loops or conditions: run the body on the values (flow.py)
            env = {arg.variable: d for arg, d in zip(params, data)}
            return _rerun(ctx, func, params, values, lambda: _flowed(chk, func, env))
        return _rerun(ctx, func, params, values, lambda: _straight(chk, body))


def _data(chk: Any, e: Expression, t: Type) -> Any:
    """An argument's Python value: its literal type's, or the expression's (a list of ints
    written at the call or held in a name), else NOT_STATIC."""
    p = get_proper_type(t)
    if isinstance(p, LiteralType) and isinstance(p.value, (int, str)):
        return p.value
    return evaluate(e, {}, lambda x: outer_value(chk, x), set())


def _straight(chk: Any, body: Tuple[List[AssignmentStmt], Expression]
              ) -> Optional[Tuple[Type, List[Any]]]:
    """Straight-line locals, in order, as the run does; then the returned expression."""
    assigns, expr = body
    if any(partial_self_call(chk, e) for e in [s.rvalue for s in assigns] + [expr]):
        return None  # (mypy would crash on it here: flow_typed.partial_self_call)
    bound: List[Tuple[Var, Optional[Type]]] = []
    try:
        with chk.msg.filter_errors(save_filtered_errors=True) as watcher:
            for stmt in assigns:
                target = stmt.lvalues[0]
                assert isinstance(target, NameExpr) and isinstance(target.node, Var)
                value = chk.expr_checker.accept(stmt.rvalue)
                bound.append((target.node, target.node.type))
                target.node.type = value
            result: Type = chk.expr_checker.accept(expr)
    finally:
        for var, old in reversed(bound):
            var.type = old
    return result, watcher.filtered_errors()


def _flowed(chk: Any, func: FuncDef, env: Any) -> Optional[Tuple[Type, List[Any]]]:
    """The body run on its parameters' values up to the ``return`` it reaches (None: which
    one depends on what is not known), and that return's type there."""
    found = run_function(chk, func, env)
    if found is None:
        return None
    expr, at_return = found
    t, errors = typed(chk, expr, at_return)
    return (t, errors) if t is not None else None


def _rerun(ctx: Any, func: FuncDef, params: List[Any], values: List[Type],
           infer: Callable[[], Optional[Tuple[Type, List[Any]]]]) -> Optional[Type]:
    """Infer the helper's body again with its parameters typed as ``values``."""
    chk = ctx.api
    default = ctx.default_return_type
    bound: List[Tuple[Var, Optional[Type]]] = []
    for arg, value in zip(params, values):
        bound.append((arg.variable, arg.variable.type))
        arg.variable.type = value
    _ACTIVE[0] += 1
    # mypy caches a call's type by its node: the helper's nodes are the same at every call,
    # so the re-inference runs with a scratch cache (and the real one is put back).
    cache = chk.expr_checker.expr_cache
    chk.expr_checker.expr_cache = {}
    try:
        with LocalTypeMap(chk):
            inferred = infer()
    finally:
        _ACTIVE[0] -= 1
        chk.expr_checker.expr_cache = cache
        for var, old in reversed(bound):
            var.type = old
    if inferred is None:
        return None
    result, errors = inferred
    if errors:
        if params:  # (a helper with no parameters: its body's errors were reported there)
            _report_at_call(ctx, errors)
        return None
    if not (_is_layer(result) or _layer_dict(result)) or not is_subtype(result, default):
        return None
    return result


def _report_at_call(ctx: Any, errors: List[Any]) -> None:
    """The helper cannot build its layers for these arguments: its ``[shape]`` errors are
    proven for this call, so they are reported at it (as the run time raises there). Any
    other message (not a shape proof) and nothing is reported: mypy's type stands."""
    if not errors or not all(getattr(e.code, "code", None) == SHAPE.code for e in errors):
        return
    for e in errors:
        if e.severity == "note":
            ctx.api.note(e.message, ctx.context, code=SHAPE)
        else:
            ctx.api.fail(e.message, ctx.context, code=SHAPE)


def _static(chk: Any, e: Expression, t: Type) -> Type:
    """An argument's type, as a literal when its value is static but typed ``int``
    (``2 * W`` of a ``Final`` ``W``, a module constant)."""
    if _known(t):
        return t
    p = get_proper_type(t)
    if not (isinstance(p, Instance) and p.type.fullname == "builtins.int"):
        return t
    v = static_int(e, type_lookup(chk))
    return t if isinstance(v, NotStatic) else LiteralType(v, p)
