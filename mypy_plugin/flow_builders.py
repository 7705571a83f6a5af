"""A plain function with int parameters that builds layers and returns a tensor, checked for
the ints a call gives it.

A builder sizes its layers by its parameters and runs them, often through a nested ``def``::

    def build(d_in: int, d_h: int) -> Tensor:
        embed = Dense(d_in, d_h, relu)
        mix = Dense(d_h, d_h)

        def step(h: Tensor) -> Tensor:
            return h + mix(h)

        x = tf.randn(3, d_in)
        return step(x)              # (the bug: step(embed(x)))

    build(10, 32)

mypy checks the body once, with ``d_in`` and ``d_h`` plain ints: ``mix`` is a ``Dense[int,
int]`` and nothing is wrong for every call. At a call whose int arguments are known
(``build(10, 32)``), :func:`builder_check` runs the body again with the parameters holding
them (``flow_run.Run`` in its ``checks`` mode: each local holds its typed value, a nested
``def`` reading one sees it, loops over known lists unrolled, a known ``if`` taken; an
``if`` on what is not known stops the run: its branches may never run for this call; so do a
``while``, a ``with``, a ``try``, a loop over what is not known). A
``[shape]`` error only these values give (the body with its declared types does not) is
reported on its line in the body, with a note naming the call: the run time raises it there
for that call. The check is made once per call and pass; a body the run cannot follow (a
``while``, a ``try``, a return inside a loop) is checked up to there.

When the run reaches the body's ``return`` with no message on the way, the call's type is
what the returned expression is there (``sine_positions(4, 4, 32)``: ``Tensor[16, 32]``, its
tensors sized by the ints), so what the caller does with the result is checked too.

Soundness: only an undecorated, non-generator function of the module (not a method) whose
parameters are all plain positional ints, called with a known int for each; it declares a
bare ``Tensor`` (or a tuple of them: what callbacks/factories.py lets through to
flow_functions.py), so the result the run gives cannot conflict with its annotation; a run
that stops (an ``if`` it cannot decide, a ``while``, a ``try``) claims nothing of it.

>>> builder_check(object(), object()) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS,
    FUNC_NO_INFO,
    CallExpr,
    ClassDef,
    ConditionalExpr,
    Decorator,
    Expression,
    FuncDef,
    Import,
    ImportFrom,
    MypyFile,
    OpExpr,
    PassStmt,
    ReturnStmt,
    Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.subtypes import is_subtype
from mypy.types import Instance, LiteralType, TupleType, Type, get_proper_type

from mypy_plugin.flow_report import Once, is_shape, new_shape_errors, report
from mypy_plugin.flow_run import RUNNING, Run, Stop, typed
from mypy_plugin.flow_values import NOT_STATIC, evaluate
from mypy_plugin.translate import is_tensor, tensor_pattern
from mypy_plugin import per_build

__all__ = ["builder_check"]

_CHECKED = Once()  # the calls run in this pass
# A call's result, for mypy's other visits of it in the pass (keyed as _CHECKED).
_RESULTS: Dict[Tuple[int, int], Tuple[CallExpr, Optional[Type]]] = {}
per_build.forget_each_build(_RESULTS)  # (holds mypy nodes: this build's only)


def builder_check(ctx: Any, func: Any) -> Optional[Type]:
    """At ``build(10, 32)``: the ``[shape]`` errors ``build``'s body gives for these ints,
    reported in the body; the call's type when the run returns a tensor of known shape (else
    None: mypy's type)."""
    try:
        return _check(ctx, func)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is reported
        return None


def _ints(ctx: Any, func: FuncDef) -> Optional[Dict[Var, int]]:
    """Each parameter's int from the call (None: a parameter not a plain int, or an argument
    not known)."""
    try:
        arguments = func.arguments
    except AttributeError:  # a function read from mypy's cache (a library's): no body here
        return None
    if not arguments or any(k != ARG_POS for k in func.arg_kinds) or len(ctx.arg_types) != len(
            arguments) or any(len(types) != 1 for types in ctx.arg_types) or any(
            k != ARG_POS for kinds in ctx.arg_kinds for k in kinds):
        return None
    out: Dict[Var, int] = {}
    for arg, types, exprs in zip(arguments, ctx.arg_types, ctx.args):
        declared = get_proper_type(arg.variable.type)
        if not (isinstance(declared, Instance) and declared.type.fullname == "builtins.int"):
            return None
        given = get_proper_type(types[0])
        if isinstance(given, Instance) and given.last_known_value is not None:
            given = given.last_known_value
        if isinstance(given, LiteralType):
            value: Any = given.value
        else:  # (``64 // 16``, a module constant ``D``: typed ``int``, known statically)
            from mypy_plugin.flow import outer_value  # (flow.py imports the checks)

            value = evaluate(exprs[0], {}, lambda x: outer_value(ctx.api, x), set())
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        out[arg.variable] = value
    return out


def _check(ctx: Any, func: Any) -> Optional[Type]:
    call = getattr(ctx, "context", None)
    if not isinstance(call, CallExpr) or not isinstance(func, FuncDef) or \
            func.info is not FUNC_NO_INFO or func.is_decorated or func.is_generator or \
            func.is_coroutine or id(func) in RUNNING:
        return None
    tree = getattr(ctx.api, "tree", None)
    if not isinstance(tree, MypyFile) or func.fullname != f"{tree.fullname}.{func.name}":
        return None  # (another module's function: its body's lines are not this file's)
    values = _ints(ctx, func)
    if not values:
        return None
    chk = ctx.api
    key = (id(call), getattr(chk, "pass_num", 0))
    if not _CHECKED.first(call, chk):
        hit = _RESULTS.get(key)
        return hit[1] if hit is not None and hit[0] is call else None
    name = call.callee.name if hasattr(call.callee, "name") else "..."
    shown = ", ".join(str(v) for v in values.values())
    errors, returned = _errors(chk, func, values)
    report(chk, errors, f"for the call {name}({shown}) (line {call.line})")
    result = returned if returned is not None and _shaped(returned) and is_subtype(
        returned, ctx.default_return_type) else None
    if len(_RESULTS) >= _CHECKED.keep:
        del _RESULTS[next(iter(_RESULTS))]
    _RESULTS[key] = (call, result)
    return result


def _shaped(t: Type) -> bool:
    """A tensor type with a shape (or a tuple of them): a result worth more than mypy's."""
    p = get_proper_type(t)
    if isinstance(p, TupleType):
        return bool(p.items) and all(_shaped(i) for i in p.items)
    return is_tensor(p) and tensor_pattern(p) is not None


def _errors(chk: Any, func: FuncDef, values: Dict[Var, int]
            ) -> Tuple[List[Any], Optional[Type]]:
    """The messages the body gives with the parameters holding ``values`` and not with their
    declared types (those mypy reported in the body already); and the type the body returns
    for ``values`` when the run reaches its ``return`` with no message (else None)."""
    found, returned = _run(chk, func, values)
    if not any(is_shape(m) for _, errors in found for m in errors):
        # (nothing to tell apart: the body with declared types is not run)
        return [], None if found else returned
    declared = {id(e) for e, errors in _run(chk, func, {v: NOT_STATIC for v in values})[0]
                if any(is_shape(m) for m in errors)}
    return new_shape_errors(found, lambda e: id(e) in declared), None


class _KnownPaths(Run):
    """A run that stops at an ``if`` whose condition it does not know: a branch the data may
    never take is not checked (a line there may never run for this call)."""

    def join(self, st: Any, first: int) -> Optional[Any]:
        raise Stop

    def havoc(self, stmts: List[Any]) -> None:
        if not all(isinstance(s, (FuncDef, Decorator, ClassDef, Import, ImportFrom, PassStmt))
                   for s in stmts):
            raise Stop  # (a while, with, try, an unknown loop: what follows is not known)
        super().havoc(stmts)  # (``def step(h): ...``: its name is bound, nothing else)

    def statement(self, st: Any) -> Optional[Any]:
        for x in get_subexpressions(st):
            if isinstance(x, ConditionalExpr) and not isinstance(self.value(x.cond, set()), bool) \
                    or isinstance(x, OpExpr) and x.op in ("and", "or"):
                raise Stop  # (``a if c else b`` on what is not known: the same)
        return super().statement(st)


def _run(chk: Any, func: FuncDef, env: Dict[Var, Any]
         ) -> Tuple[List[Tuple[Expression, List[Any]]], Optional[Type]]:
    """The expressions of the body that gave messages, typed with the parameters holding
    ``env``'s values and the locals what the run binds; and the type of the ``return`` the
    run reached (None: it stopped first)."""
    run = _KnownPaths(chk, func, [])
    run.env = dict(env)
    run.factory, run.typed_locals, run.checks = True, True, True
    RUNNING.add(id(func))
    result: Optional[Type] = None
    try:
        returned = run.block(func.body.body)
        if isinstance(returned, ReturnStmt) and returned.expr is not None:
            result, errors = typed(chk, returned.expr, run.env)
            if errors:
                run.errors.append((returned.expr, errors))
    except Stop:
        pass  # (what was typed before the run stopped still stands)
    finally:
        RUNNING.discard(id(func))
    return run.errors, result
