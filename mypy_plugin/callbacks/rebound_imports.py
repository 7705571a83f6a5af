"""A name imported from another module that this module binds again.

``from lib import feature, model`` then ``feature = feature[:, :4]`` or ``model =
Chain(model, Dense(4, 2))`` (or through the module: ``lib.TABLE = ...``): mypy types the name
as ``lib`` did (``Tensor[3, 8]``, the first Chain), allow_redefinition does not reach an imported name, and after the new binding it
still reads the name with that type (a value of unknown shape does not narrow it). So the
new value would be mypy's ``[assignment]`` in ``Literal`` words and every later use a false
``[shape]`` error on a program that runs. Such a name, when this module binds it at its top
level (``feature = ...``, ``feature += ...``, a tuple target), takes a value of any shape
(``callbacks/replaced_layers.py``) and reads with an unknown shape or unknown sizes wherever
a layer takes it or is it (``callbacks/layers.py``, ``callbacks/union_operands.py``).

>>> rebound_import(object(), None)
False
"""

from __future__ import annotations

from typing import Any, List, Set, Tuple

from mypy.nodes import (
    GDEF,
    AssignmentStmt,
    CallExpr,
    Expression,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    StarExpr,
    TupleExpr,
    ListExpr,
    MemberExpr,
    RefExpr,
    Var,
)

from mypy_plugin.statements import PerTree, walk

__all__ = ["rebound_import", "rebound_callee", "imported_var"]


def imported_var(var: object, tree: MypyFile) -> bool:
    """Whether ``var`` is a module-level variable (with no annotation) of a module other than
    ``tree``'s.

    >>> from mypy.nodes import Var
    >>> imported_var(Var("x"), MypyFile([], []))
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
        if isinstance(st, AssignmentStmt):
            names = [n for lv in st.lvalues for n in _targets(lv)]
        elif isinstance(st, OperatorAssignmentStmt):
            names = _targets(st.lvalue)
        else:
            continue
        found.update((isinstance(n, MemberExpr), id(n.node)) for n in names
                     if imported_var(n.node, tree))
    return found


_bound: PerTree[Set[Tuple[bool, int]]] = PerTree(_read, keep=16, on_error=set)
