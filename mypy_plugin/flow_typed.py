"""mypy's type of an expression with names bound to values: the typing under ``flow_run.py``.

A run holds values (``flow_values.py``): ints, strings, tuples of ints, and :class:`Item`
(a value only mypy can type: a layer, a tensor). :func:`typed` infers an expression again
as mypy types it with each such name typed as its value (``Literal[256]``, the item's type),
with the messages that inference gave held back for the caller.

>>> typed.__name__
'typed'
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from mypy.checker import LocalTypeMap
from mypy.nodes import CallExpr, Expression, IndexExpr, MemberExpr, NameExpr, TypeInfo, Var
from mypy.server.subexpr import get_subexpressions
from mypy.types import (
    AnyType, Instance, LiteralType, NoneType, TupleType, Type, TypeOfAny, TypeType,
    get_proper_type,
)

from mypy_plugin.flow_values import ClassRecord, Env, Item, Seq
from typedflux.shapes.layer_config import is_int

__all__ = ["typed", "as_type", "ACTIVE", "OVERRIDES", "partial_self_call"]

_VALUE_CHECKS = frozenset({"comparison-overlap", "redundant-expr", "unreachable", "truthy-bool",
                           "redundant-cast", "possibly-undefined"})
# Environments of the runs under way, innermost last: a hook that mypy runs inside an
# expression inferred again (``Chain(*layers)`` in a helper's return) reads them first.
ACTIVE: List[Env] = []
# Expressions whose value a run knows better than mypy (``skips.pop()``: the list's last
# item, flow_loops.py), typed so while an expression is typed again.
OVERRIDES: Dict[Expression, Type] = {}


# -- mypy's types with names bound to their values -------------------------------------------


def as_type(chk: Any, v: Any) -> Optional[Type]:
    """The type a name holding ``v`` is given while an expression is typed again (None: a
    value with no such type, a list say; the name keeps mypy's own).

    >>> as_type(None, [1, 2]) is None
    True
    """
    if isinstance(v, Item):
        return v.type  # (a layer of a list, in its iteration: its own type)
    if isinstance(v, ClassRecord) and isinstance(v.info, TypeInfo) and not v.info.type_vars:
        return TypeType(Instance(v.info, []))  # (``block`` given ``Bottleneck``: that class)
    if isinstance(v, bool):
        return LiteralType(v, chk.named_type("builtins.bool"))
    if isinstance(v, int):
        return LiteralType(v, chk.named_type("builtins.int"))
    if isinstance(v, str):
        return LiteralType(v, chk.named_type("builtins.str"))
    if isinstance(v, tuple) and v and all(is_int(i) for i in v):
        items: List[Type] = [LiteralType(i, chk.named_type("builtins.int")) for i in v]
        fallback_type = chk.named_generic_type("builtins.tuple",
                                               [chk.named_type("builtins.int")])
        return TupleType(items, fallback_type)
    return None


def typed(chk: Any, e: Expression, env: Env) -> Tuple[Optional[Type], List[Any]]:
    """mypy's type of ``e`` with every name of ``env`` that holds a value typed as it
    (``Literal[256]``), and the messages that inference gave (held back, not reported)."""
    if partial_self_call(chk, e):
        return None, []
    bound: List[Tuple[Var, Optional[Type]]] = []
    for var, v in env.items():
        t = as_type(chk, v)
        if t is None and var.type is None and isinstance(v, Seq):
            # a helper's local list whose body mypy has not checked yet: its items are here
            t = chk.named_generic_type("builtins.list", [AnyType(TypeOfAny.special_form)])
        if t is None and var.type is None and v is None:
            t = NoneType()  # (``downsample = None``, a partial type mypy left untyped, read
            # where the run holds None: ``block(c, c, 1, downsample)``)
        if t is not None:
            bound.append((var, var.type))
            var.type = t
    if _unready(e):
        for var, old in reversed(bound):
            var.type = old
        return None, []
    # mypy caches a call's type by its node: the same nodes are inferred per iteration.
    cache = chk.expr_checker.expr_cache
    chk.expr_checker.expr_cache = {}
    # mypy narrows a name to what its binder holds where the check is (a read further down:
    # ``h`` after the loop that rebinds it), which would hide the value bound here.
    hidden: List[Tuple[Dict[Any, Any], Any, Any]] = []
    frames = getattr(getattr(chk, "binder", None), "frames", [])
    for var, _ in bound:
        for frame in frames:
            key = ("Var", var)
            if key in frame.types:
                hidden.append((frame.types, key, frame.types.pop(key)))
    ACTIVE.append(env)
    overrides = chk.expr_checker.type_overrides
    try:
        with LocalTypeMap(chk), chk.msg.filter_errors(save_filtered_errors=True) as watcher:
            for node, t in OVERRIDES.items():
                # (mypy's inference returns the override without storing it: the hooks that
                # read an operand's type from the type map find it there)
                overrides[node] = t
                chk.store_type(node, t)
            result: Type = chk.expr_checker.accept(e)
    finally:
        for node in OVERRIDES:
            overrides.pop(node, None)
        ACTIVE.pop()
        chk.expr_checker.expr_cache = cache
        for types, key, current in reversed(hidden):
            types[key] = current
        for var, old in reversed(bound):
            var.type = old
    # Names typed as their values make some of mypy's optional checks speak (``c == 16`` of a
    # ``Literal[32]`` under --strict-equality): those say nothing of the result.
    return result, [e for e in watcher.filtered_errors()
                    if getattr(e.code, "code", None) not in _VALUE_CHECKS]


def _unready(e: Expression) -> bool:
    """Whether ``e`` reads a name or an attribute of ``self`` mypy has given no type yet (a
    local of a function it has not checked, or has put off): inferring it would make mypy put
    off the function being checked now (a model's ``__init__`` whose construction runs
    another class's body), whose attributes then have no type where the module reads them
    ('Cannot determine type of "decoder"'). Such an ``e`` is not typed here."""
    for x in get_subexpressions(e):
        if isinstance(x, NameExpr) and isinstance(x.node, Var) and x.node.type is None:
            return True
        if isinstance(x, MemberExpr) and isinstance(x.expr, NameExpr) and isinstance(
                x.expr.node, Var) and x.expr.node.is_self:
            owner = get_proper_type(x.expr.node.type)
            sym = owner.type.get(x.name) if isinstance(owner, Instance) else None
            if sym is not None and isinstance(sym.node, Var) and sym.node.type is None:
                return True
    return False


def partial_self_call(chk: Any, e: Expression) -> bool:
    """Whether ``e`` calls a method of an attribute of ``self`` (``self.cache.get(k)``) while mypy
    checks no function (a construction at module level runs a method's body): mypy's
    inference of such a call looks for a partial type in the enclosing class of the current
    function and asserts there is one, a crash; such an ``e`` is not typed here.

    >>> from mypy.nodes import IntExpr
    >>> partial_self_call(None, IntExpr(1))
    False
    """
    scope = getattr(chk, "scope", None)
    if scope is None or scope.current_function() is not None:
        return False
    for sub in get_subexpressions(e):
        if isinstance(sub, CallExpr) and isinstance(sub.callee, MemberExpr):
            ref = sub.callee.expr
            if isinstance(ref, IndexExpr):
                ref = ref.base
            if isinstance(ref, MemberExpr) and isinstance(ref.expr, NameExpr) and \
                    isinstance(ref.expr.node, Var) and ref.expr.node.is_self:
                return True
    return False
