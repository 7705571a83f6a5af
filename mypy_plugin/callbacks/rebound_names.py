"""Names whose value the module being checked replaces where mypy keeps the old type.

``from lib import feature, model`` then ``feature = feature[:, :4]`` or ``model =
Chain(model, Dense(4, 2))`` (or through the module: ``lib.TABLE = ...``): mypy types the name
as ``lib`` did (``Tensor[3, 8]``, the first Chain), allow_redefinition does not reach an imported name, and after the new binding it
still reads the name with that type (a value of unknown shape does not narrow it). So the
new value would be mypy's ``[assignment]`` in ``Literal`` words and every later use a false
``[shape]`` error on a program that runs. Such a name, when this module binds it at its top
level (``feature = ...``, ``feature += ...``, a tuple target), takes a value of any shape
(``callbacks/replaced_layers.py``) and reads with an unknown shape or unknown sizes wherever
a layer takes it or is it (``callbacks/layers.py``, ``callbacks/union_operands.py``).

A ``Chain`` whose ``layers`` the module assigns (``model.layers = (model.layers[0],
Dense(16, 5))``, fine-tuning's new head): mypy typed ``model`` by its construction, so the
assignment was its ``[assignment]`` in ``Literal`` words and every call of ``model`` was typed
by the old head. The attribute then takes any value (``chain.layers`` is ``Any``, the
library's own type), and a call reads the layers in force there: the tuple display of the one
assignment before it, both at the module's top level (typed by mypy already), or else unknown
sizes (:func:`swapped_layers`).

>>> rebound_import(object(), None)
False
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    GDEF,
    AssignmentStmt,
    CallExpr,
    Expression,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    Statement,
    StarExpr,
    TupleExpr,
    ListExpr,
    MemberExpr,
    RefExpr,
    Var,
)

from mypy.types import TupleType, Type, get_proper_type

from mypy_plugin.statements import PerTree, walk

__all__ = ["rebound_import", "rebound_callee", "imported_var", "swapped_layers"]


def imported_var(var: object, tree: MypyFile) -> bool:
    """Whether ``var`` is a module-level variable (with no annotation) of a module other than
    ``tree``'s.

    >>> imported_var(None, None)  # type: ignore[arg-type]
    False
    """
    if not isinstance(var, Var) or not var.is_inferred or var.is_final:
        return False
    module = var.fullname.rpartition(".")[0]
    return module not in ("", tree.fullname)


def rebound_import(api: Any, e: Expression) -> bool:
    """Whether ``e`` is a name imported from another module (its variable) that the module
    being checked binds again at its top level. Cheap first: most expressions are not such
    a name.
    """
    if isinstance(e, NameExpr) and e.kind == GDEF:
        pass
    elif not (isinstance(e, MemberExpr) and isinstance(e.expr, RefExpr)
              and isinstance(e.expr.node, MypyFile)):  # (``lib.TABLE``)
        return False
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile) or not imported_var(e.node, tree):
        return False
    # (``feature = ...`` binds this module's name, ``lib.feature = ...`` lib's: two keys)
    return (isinstance(e, MemberExpr), id(e.node)) in _bound(tree)


def rebound_callee(ctx: Any) -> bool:
    """Whether the layer a signature hook's call (``ctx``) calls is such a name (``from lib
    import model``, ``model = Chain(model, Dense(4, 2))``): its sizes are not known here.

    >>> rebound_callee(object())
    False
    """
    call = getattr(ctx, "context", None)
    return isinstance(call, CallExpr) and rebound_import(getattr(ctx, "api", None), call.callee)


def _targets(e: Expression) -> List[RefExpr]:
    if isinstance(e, NameExpr):
        return [e]
    if isinstance(e, MemberExpr) and isinstance(e.expr, RefExpr) and isinstance(
            e.expr.node, MypyFile):
        return [e]  # ``lib.TABLE = ...``
    if isinstance(e, StarExpr):
        return _targets(e.expr)
    if isinstance(e, (TupleExpr, ListExpr)):
        return [n for item in e.items for n in _targets(item)]
    return []


def _read(tree: MypyFile) -> Set[Tuple[bool, int]]:
    """(through the module?, id) of each imported variable the module's top-level statements
    bind."""
    found: Set[Tuple[bool, int]] = set()
    for st in walk(tree.defs, scopes=False):
        found.update((isinstance(n, MemberExpr), id(n.node)) for n in _assigned(st, _targets)
                     if imported_var(n.node, tree))
    return found


def _assigned(st: Statement, targets: Callable[[Expression], List[Any]]) -> List[Any]:
    """``targets`` of each target an assignment (plain or augmented) binds; [] otherwise."""
    if isinstance(st, AssignmentStmt):
        return [t for lv in st.lvalues for t in targets(lv)]
    if isinstance(st, OperatorAssignmentStmt):
        return targets(st.lvalue)
    return []


_bound: PerTree[Set[Tuple[bool, int]]] = PerTree(_read, keep=16, on_error=set)


def swapped_layers(api: Any, e: Optional[Expression]) -> Optional[List[Type]]:
    """For a name ``e`` (a Chain called or read at ``e``'s line) whose ``layers`` the module
    assigns: the layer types in force there when the one such assignment is a tuple display
    at the module's top level before it, ``e`` at the top level too; ``[]`` when they are not
    known; ``None`` when the module assigns no ``layers`` of that name (cheap), or ``e`` is
    read before that one assignment (as built).

    >>> swapped_layers(object(), None)
    """
    if not isinstance(e, NameExpr) or not isinstance(e.node, Var):
        return None
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile):
        return None
    bound = _layers_bound(tree).get(id(e.node))
    if bound is None:
        return None
    scope = getattr(api, "scope", None)
    top = scope is not None and scope.top_level_function() is None
    if len(bound) != 1 or not top or bound[0] not in tree.defs:
        return []
    st = bound[0]
    if e.line <= (st.end_line or st.line):
        return None  # read before it (its own value's ``model.layers[0]``): as built
    lookup = getattr(api, "lookup_type_or_none", None)
    value = lookup(st.rvalue) if lookup is not None and isinstance(st, AssignmentStmt) else None
    p = get_proper_type(value) if value is not None else None
    return list(p.items) if isinstance(p, TupleType) else []


def _layers_read(tree: MypyFile) -> Dict[int, List[Statement]]:
    """id of a name's variable -> the statements that assign its ``layers``, anywhere."""
    found: Dict[int, List[Statement]] = {}
    for st in walk(tree.defs, scopes=True):
        for t in _assigned(st, _flat):
            if isinstance(t, MemberExpr) and t.name == "layers" and isinstance(
                    t.expr, NameExpr) and isinstance(t.expr.node, Var):
                found.setdefault(id(t.expr.node), []).append(st)
    return found


def _flat(e: Expression) -> List[Expression]:
    if isinstance(e, (TupleExpr, ListExpr)):
        return [t for item in e.items for t in _flat(item)]
    return [e.expr] if isinstance(e, StarExpr) else [e]


_layers_bound: PerTree[Dict[int, List[Statement]]] = PerTree(_layers_read, keep=16, on_error=dict)
