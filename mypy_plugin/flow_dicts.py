"""Whether a helper's dict of layers, bound to a name, is only read there.

``heads = make_heads(64)`` of ``def make_heads(width: int) -> Dict[str, Dense]: return
{"age": Dense(width, 1), "gender": Dense(width, 2)}`` is typed by the display the helper
returns for 64 (callbacks/factories.py): ``dict[str, Dense[64, int]]``, as the same display
written in place would be. A dict is invariant in its values, so such a type given where
another dict type is declared (``def train(heads: Dict[str, Dense[int, int]])``) would be
mypy's ``[arg-type]`` where the declared ``Dict[str, Dense]`` is accepted. So the display's
type is given only to a call that is the whole value of a plain assignment to a name of its
scope (the module or a function) that the scope, nested functions included, only reads:
``heads["cls"]``, ``heads.get(k)``, ``for k in heads``, ``for k, head in heads.items()``
(``.keys()``, ``.values()``), ``len(heads)``, ``k in heads``. Anything else (passed on,
returned, stored, copied, changed, bound again) keeps the helper's declared type.

>>> read_only_binding(object(), object())
False
"""

from __future__ import annotations

from typing import Any, List, Set

from mypy.nodes import (
    GDEF,
    LDEF,
    AssignmentStmt,
    CallExpr,
    ComparisonExpr,
    Expression,
    ForStmt,
    IndexExpr,
    MemberExpr,
    NameExpr,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_names import binding_targets, checked_scope, target_binds
from mypy_plugin.statements import walk

__all__ = ["read_only_binding"]

_VIEWS = frozenset({"items", "keys", "values"})  # (read only as what a ``for`` iterates)


def read_only_binding(chk: Any, call: Any) -> bool:
    """Whether ``call`` is the value of ``name = call`` at the top level of the scope being
    checked, and every other mention of ``name`` there only reads the dict."""
    try:
        return _read_only(chk, call)
    except Exception:  # noqa: BLE001 - a construct not modelled here: not known to be read only
        return False


def _read_only(chk: Any, call: Any) -> bool:
    scope = checked_scope(chk)
    if scope is None or not isinstance(call, CallExpr):
        return False
    body = scope[1]
    bound = next((st for st in body if isinstance(st, AssignmentStmt) and st.rvalue is call), None)
    if bound is None or len(bound.lvalues) != 1 or bound.type is not None:
        return False
    target = bound.lvalues[0]
    if not isinstance(target, NameExpr) or not isinstance(target.node, Var) or \
            target.kind not in (GDEF, LDEF):
        return False
    var, name = target.node, target.name
    allowed: Set[int] = {id(target)}
    mentions: List[NameExpr] = []
    for st in walk(body):
        if st is not bound and any(target_binds(t, name) for t in binding_targets(st)):
            return False  # (bound again, or by a loop, a with, a del)
        exprs: List[Expression] = list(get_subexpressions(st))
        if isinstance(st, ForStmt):
            allowed.add(id(st.expr))
            view = st.expr
            if isinstance(view, CallExpr) and isinstance(view.callee, MemberExpr) and \
                    view.callee.name in _VIEWS and not view.args:
                allowed.add(id(view.callee.expr))  # ``for k, head in heads.items():``
        for x in exprs:
            if isinstance(x, IndexExpr):
                allowed.add(id(x.base))
            elif isinstance(x, MemberExpr) and x.name == "get":
                allowed.add(id(x.expr))
            elif isinstance(x, CallExpr) and isinstance(x.callee, NameExpr) and \
                    x.callee.fullname == "builtins.len":
                allowed.update(id(a) for a in x.args)
            elif isinstance(x, ComparisonExpr) and x.operators == ["in"]:
                allowed.add(id(x.operands[1]))
            elif isinstance(x, NameExpr) and (x.node is var or x.name == name):
                mentions.append(x)
        targets = {id(t) for t in binding_targets(st)}
        for t in binding_targets(st):
            targets.update(id(s) for s in get_subexpressions(t))
        if any(isinstance(x, IndexExpr) and id(x) in targets for x in exprs):
            # ``heads["x"] = ...``/``del heads["x"]``: changed (an item target is no read)
            if any(isinstance(x, IndexExpr) and id(x) in targets and isinstance(
                    x.base, NameExpr) and x.base.name == name for x in exprs):
                return False
    return all(id(m) in allowed for m in mentions)
