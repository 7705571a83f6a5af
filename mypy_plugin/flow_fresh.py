"""A method call that is the first use of an instance: the state its construction leaves.

A model keeping state on the instance (a KV cache) extends it in a method::

    class CachedAttention:
        def __init__(self, d: int, heads: int) -> None:
            ...
            self.k_cache = tf.zeros(1, heads, 0, d // heads)

        def step(self, x: Tensor) -> Tensor:
            ...
            self.k_cache = tf.cat(self.k_cache, k, axis=2)

    layer = CachedAttention(48, 4)
    for _ in range(3):
        y = layer.step(tf.randn(1, 1, 48))

``self.k_cache`` is bound twice, so nothing is known of it for every call of ``step``
(flow_instances.py). But the first time ``layer.step(...)`` runs, the instance is exactly as
``CachedAttention(48, 4)`` left it, when nothing else can have touched it in between.
:func:`fresh_state` gives that state (every attribute ``__init__`` bound) for such a call, so
the method's body runs on it (layer_bodies.user_method_call) and an error the first call
raises is reported there; the call's type is not taken from it (later calls see another
state).

Soundness: the instance is held in a name bound once, at the top level of the scope being
checked (the module, or a function), to its construction (flow_constructions.py); the call
is at that scope's top level or in its loops, conditions and ``with`` blocks, not in a
lambda or comprehension (run later, or again); the name is mentioned nowhere between
the construction and the call: not in the statements between them, not elsewhere in the
statement holding the call, not in any function or class defined before it (one could run
in between); and ``__init__`` keeps the instance to itself: ``self`` appears there only as
``self.<attribute>`` (not ``ALL_CACHES.append(self)``, not a bound method
``HOOKS.append(self.reset)`` or ``self.reset(w)``, not in a nested function or lambda),
so no registry can reach it before its first use. A change made from another module is not
seen (as for module constants).

>>> fresh_state(object(), object()) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Decorator,
    DictionaryComprehension,
    Expression,
    FuncDef,
    GeneratorExpr,
    LambdaExpr,
    ListComprehension,
    MemberExpr,
    NameExpr,
    OverloadedFuncDef,
    RefExpr,
    SetComprehension,
    Statement,
    TypeInfo,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_inits import init_base, is_super_init, plain_init
from mypy_plugin.flow_instances import construction_of, construction_state
from mypy_plugin.flow_names import checked_scope
from mypy_plugin.statements import walk
from mypy_plugin import per_build

__all__ = ["fresh_state"]

_LATER = (LambdaExpr, GeneratorExpr, ListComprehension, SetComprehension,
          DictionaryComprehension)  # (run later than where they are written, or again)


def fresh_state(chk: Any, call: Any) -> Optional[Dict[str, Any]]:
    """The attributes of the instance ``call`` (``layer.step(x)``) runs a method of, as
    its construction left them, when this call is the instance's first use; else None."""
    try:
        return _fresh(chk, call)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
        return None


def _fresh(chk: Any, call: Any) -> Optional[Dict[str, Any]]:
    if not isinstance(call, CallExpr) or not isinstance(call.callee, MemberExpr):
        return None
    held = call.callee.expr
    if not isinstance(held, NameExpr):
        return None
    scope = checked_scope(chk)
    if scope is None:
        return None
    body = scope[1]
    index = _index(body)
    at = index.at.get(id(call))
    if at is None:
        return None
    built = construction_of(chk, held)
    if built is None:
        return None
    bound = index.at.get(id(built))
    binding = body[bound] if bound is not None else None
    if bound is None or bound >= at or not isinstance(binding, AssignmentStmt) or \
            binding.rvalue is not built or not _eager(body[at], call) or _escapes(built):
        return None
    target = {id(lv) for lv in binding.lvalues}
    for k, mention in index.names.get(held.name, []):
        if k > at:
            break
        if not ((k == bound and mention in target) or (k == at and mention == id(held))):
            return None
    return construction_state(chk, built)


class _Index:
    """A scope's statements read once: the top-level statement each expression is in, and
    where each name is mentioned (statement, node id), in order."""

    def __init__(self, body: List[Statement]) -> None:
        self.body = body
        self.at: Dict[int, int] = {}
        self.names: Dict[str, List[Tuple[int, int]]] = {}
        for k, st in enumerate(body):
            for x in get_subexpressions(st):
                self.at[id(x)] = k
                if isinstance(x, NameExpr):
                    self.names.setdefault(x.name, []).append((k, id(x)))


_INDEXES: Dict[int, _Index] = {}
per_build.forget_each_build(_INDEXES)  # (holds mypy nodes: this build's only)


def _index(body: List[Statement]) -> _Index:
    """:class:`_Index` of ``body``, once per body (the daemon's new parse is a new list)."""
    hit = _INDEXES.get(id(body))
    if hit is not None and hit.body is body:
        return hit
    if len(_INDEXES) >= 64:
        _INDEXES.clear()
    found = _INDEXES[id(body)] = _Index(body)
    return found


def _eager(top: Statement, call: CallExpr) -> bool:
    """Whether ``call`` runs where ``top`` is written: in ``top`` or its nested blocks (not
    a function or class body), not inside a lambda or a comprehension."""
    for st in walk([top], scopes=False):
        exprs: List[Expression] = list(get_subexpressions(st))
        if any(x is call for x in exprs):
            return not any(isinstance(x, _LATER) and any(
                y is call for y in get_subexpressions(x)) for x in exprs)
    return False


def _escapes(built: CallExpr) -> bool:
    """Whether the ``__init__`` ``built`` runs may let the instance out (into a registry, a
    hook list, a closure), so code outside the scope can change it before its first use."""
    info = built.callee.node if isinstance(built.callee, RefExpr) else None
    if not isinstance(info, TypeInfo):
        return True
    init = plain_init(info)
    if init is None:
        return True
    hit = _ESCAPES.get(id(init))
    if hit is not None and hit[0] is init:
        return hit[1]
    found = _lets_out(init, info)
    if len(_ESCAPES) >= 64:
        _ESCAPES.clear()
    _ESCAPES[id(init)] = (init, found)
    return found


_ESCAPES: Dict[int, Tuple[FuncDef, bool]] = {}
per_build.forget_each_build(_ESCAPES)  # (holds mypy nodes: this build's only)


def _lets_out(init: FuncDef, info: TypeInfo) -> bool:
    """A use of ``self`` in ``init`` other than ``self.<attribute>`` at its own level: bare
    ``self``, a method (bound or called: it may register ``self``), a dunder
    (``self.__dict__``), anything in a nested function, class or lambda (it may run later);
    or in the ``__init__`` of a base its ``super().__init__(...)`` runs. ``info``: the class
    built (its methods are the ones called)."""
    me = init.arguments[0].variable
    exprs = [x for st in init.body.body for x in get_subexpressions(st)]
    later = [st for st in walk(init.body.body) if isinstance(
        st, (FuncDef, Decorator, OverloadedFuncDef, ClassDef))] + [
        x for x in exprs if isinstance(x, LambdaExpr)]
    if any(isinstance(x, NameExpr) and x.node is me for n in later
           for x in get_subexpressions(n)):
        return True
    receivers: Set[int] = set()
    for x in exprs:
        if is_super_init(x):
            # (``super().__init__(...)`` runs the base's ``__init__`` on this instance: it may
            # let it out too; one not read, or not a plain method, may have)
            assert isinstance(x, CallExpr)
            base = init_base(x)  # (None for a class of several bases: which ``__init__``
            # runs depends on the built class's MRO, so it counts as letting ``self`` out)
            base_init = plain_init(base) if base is not None else None
            if base is None or base.fullname != "builtins.object" and (
                    base_init is None or _lets_out(base_init, info)):
                return True
        if isinstance(x, MemberExpr) and isinstance(x.expr, NameExpr) and x.expr.node is me:
            sym = info.get(x.name)
            if x.name.startswith("__") or (sym is not None and not isinstance(sym.node, Var)):
                return True
            receivers.add(id(x.expr))
    return any(isinstance(x, NameExpr) and x.node is me and id(x) not in receivers
               for x in exprs)
