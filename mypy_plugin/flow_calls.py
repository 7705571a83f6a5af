"""A traced instance's ``__call__`` body, checked with the layers its ``__init__`` built.

A block whose sizes come from its constructor's arguments declares its input and output::

    class FeedForward:
        def __init__(self, d: int, hidden: int) -> None:
            self.norm = LayerNorm(d)
            self.up = Dense(d, hidden, gelu)
            self.down = Dense(hidden, hidden)          # (the bug: Dense(hidden, d))

        def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
            return x + self.down(self.up(self.norm(x)))

    block = FeedForward(32, 128)

mypy checks the body once, with ``self.down`` a ``Dense[Any, Any]``: nothing is wrong for
every construction. For an instance traced to the call that built it (flow_instances.py),
:func:`call_body_check` runs the body again with ``self``'s attributes as that call built
them (``Dense[128, 128]``), each local holding the value it is given (``flow_run.Run`` in
its ``checks`` mode: loops over a known list of layers unrolled, a known ``if`` taken). A
``[shape]`` error that only these values give (the body with its declared types does not)
is reported on its line in ``__call__``, with a note naming the construction: the run time
raises it there for any input the annotation allows. The check is made where the instance is
built (once per construction and pass); a body the run cannot follow (a ``while``, a
``try``, a return inside a loop) is checked up to there.

>>> call_body_check(object())
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from mypy.nodes import (
    CallExpr,
    Expression,
    FuncDef,
    IntExpr,
    MemberExpr,
    NameExpr,
    RefExpr,
    ReturnStmt,
    StrExpr,
    TypeInfo,
    UnaryExpr,
)

from mypy.typeops import get_all_type_vars
from mypy.types import AnyType, CallableType, NoneType, UnionType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.flow_instances import construction_values
from mypy_plugin.flow_patches import patched
from mypy_plugin.flow_report import Once, is_shape, new_shape_errors, report
from mypy_plugin.flow_run import RUNNING, Run, Stop, typed
from mypy_plugin.flow_unbound import UNBOUND
from mypy_plugin.flow_values import Record

__all__ = ["call_body_check"]

_CHECKED = Once()  # the constructions run in this pass


def call_body_check(ctx: Any) -> None:
    """At ``FeedForward(32, 128)``: the ``[shape]`` errors its class's ``__call__`` body
    gives for the layers this construction builds, reported in the body."""
    try:
        _check(ctx)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is reported
        return


def _check(ctx: Any) -> None:
    call = getattr(ctx, "context", None)
    if not isinstance(call, CallExpr) or not isinstance(call.callee, RefExpr) or \
            not isinstance(call.callee.node, TypeInfo):
        return
    chk = ctx.api
    if not _CHECKED.first(call, chk):
        return
    method = _own_call(call.callee.node)
    if method is None or id(method) in RUNNING:
        return
    known = construction_values(chk, call)
    known = {k: v for k, v in known.items() if k != UNBOUND} if known else None
    if not known:
        return
    report(chk, _errors(chk, method, known),
           f"with the layers {_text(call)} builds (line {call.line})")


def _own_call(info: TypeInfo) -> Optional[FuncDef]:
    """The class's own plain ``__call__`` with a body and a shaped input (None: none, or
    one not read here)."""
    sym = info.names.get("__call__")
    method = sym.node if sym is not None else None
    if not isinstance(method, FuncDef) or method.is_decorated or method.is_generator or \
            method.is_coroutine or method.is_static or method.is_class or \
            method.is_overload or patched(info, "__call__"):
        return None  # (patched: the module assigns another function to it, flow_patches.py)
    try:
        if not method.arguments or not method.body.body:
            return None
    except AttributeError:  # (read from mypy's cache: no body)
        return None
    sig = method.type
    if isinstance(sig, CallableType) and info.type_vars and any(
            tv.id.namespace == info.fullname for tv in get_all_type_vars(sig)):
        return None  # (``Tensor[B, D]`` of ``class Stack(Generic[D])``: the construction binds
        # D, which the body run here would keep rigid beside the layers' sizes)
    if not isinstance(sig, CallableType) or all(map(_bare, sig.arg_types[1:])):
        return None  # (bare inputs: the body is the layer's rule at each call, layer_bodies.py)
    return method


def _bare(t: Any) -> bool:
    """A parameter that names no shape: unannotated, a bare ``Tensor``, or an ``Optional``
    of one (``target: Optional[Tensor] = None``)."""
    p = get_proper_type(t)
    if isinstance(p, UnionType):
        return all(isinstance(get_proper_type(i), NoneType) or _bare(i) for i in p.items)
    return isinstance(p, AnyType) or (translate.is_tensor(p) and translate.tensor_pattern(p) is None)


def _errors(chk: Any, method: FuncDef, known: Dict[str, Any]) -> List[Any]:
    """The messages the body gives with ``self`` holding ``known`` and not with its
    attributes' declared types (those mypy reported in the body already)."""
    found = _run(chk, method, known)
    if not any(is_shape(m) for _, errors in found for m in errors):
        return []  # (nothing to tell apart: the body with declared types is not run)
    declared = {id(e) for e, errors in _run(chk, method, {}) if any(
        is_shape(m) for m in errors)}
    return new_shape_errors(found, lambda e: id(e) in declared)


def _run(chk: Any, method: FuncDef, known: Dict[str, Any]) -> List[Tuple[Expression, List[Any]]]:
    """The expressions of the body that gave messages, typed with ``self``'s attributes as
    ``known`` holds them (mypy's declared types for the others), locals as the run binds."""
    self_var = method.arguments[0].variable
    run = Run(chk, method, [])
    run.env = {self_var: Record(tuple(sorted(known.items())))}
    run.factory, run.typed_locals, run.checks = True, True, True
    RUNNING.add(id(method))
    try:
        returned = run.block(method.body.body)
        if isinstance(returned, ReturnStmt) and returned.expr is not None:
            _, errors = typed(chk, returned.expr, run.env)
            if errors:
                run.errors.append((returned.expr, errors))
    except Stop:
        pass  # (what was typed before the run stopped still stands)
    finally:
        RUNNING.discard(id(method))
    return run.errors


def _text(call: CallExpr) -> str:
    """``FeedForward(32, 128)``: the construction as written (``...`` for an argument not
    shown plainly)."""
    args: List[str] = []
    for a, name in zip(call.args, call.arg_names):
        shown = _arg_text(a)
        args.append(f"{name}={shown}" if name else shown)
    callee = call.callee
    name = callee.name if isinstance(callee, (NameExpr, MemberExpr)) else "..."
    return f"{name}({', '.join(args)})"


def _arg_text(e: Expression) -> str:
    if isinstance(e, IntExpr):
        return str(e.value)
    if isinstance(e, StrExpr):
        return repr(e.value)
    if isinstance(e, UnaryExpr) and e.op == "-" and isinstance(e.expr, IntExpr):
        return f"-{e.expr.value}"
    if isinstance(e, NameExpr):
        return e.name
    if isinstance(e, CallExpr) and isinstance(e.callee, NameExpr):
        return _text(e)
    if isinstance(e, MemberExpr) and isinstance(e.expr, (NameExpr, MemberExpr)):
        return f"{_arg_text(e.expr)}.{e.name}"
    return "..."
