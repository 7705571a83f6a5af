"""Which container a list or dict method is called on, and how its type was given.

:mod:`~mypy_plugin.callbacks.lists` lets a container whose type mypy inferred from its first
items (``skips = [h1]``, ``heads = {"a": Dense(8, 2)}``) take items of other sizes, and checks
an item added to a declared one (``xs: List[Tensor[2, 3]] = []``) against its annotation. Both
need to know the container a call is on (``xs.append(...)``, ``xs[i]``, ``for x in xs``), as a
key that names it within its function, and whether its type was written or inferred.

>>> from mypy.nodes import NameExpr
>>> receiver_text(NameExpr("skips"))
'skips'
"""

from __future__ import annotations

from typing import Optional, Set, Tuple

from mypy.nodes import (
    CallExpr,
    Expression,
    IndexExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    RefExpr,
    Var,
)
from mypy.plugin import CheckerPluginInterface
from mypy.typeops import get_all_type_vars
from mypy.types import Instance, get_proper_type

__all__ = ["MIXED", "container_key", "container_of", "origin", "receiver_text"]

MIXED: Set[Tuple[str, str]] = set()
"""The containers known to mix sizes, as :func:`container_key` names them. Filled as mypy
checks the adders, which come before the reads in a function's body."""


def receiver_text(e: Expression) -> Optional[str]:
    """How a container is named in :data:`MIXED`: ``skips``, ``self.layers``, ``acts[]`` (every
    item of ``acts``), or ``None`` for an expression that names none.

    >>> receiver_text(NameExpr("layers"))
    'layers'
    """
    if isinstance(e, NameExpr):
        return e.fullname or e.name
    if isinstance(e, MemberExpr):
        inner = receiver_text(e.expr)
        return None if inner is None else f"{inner}.{e.name}"
    if isinstance(e, IndexExpr):  # ``acts[k]`` of ``acts = defaultdict(list)``: one for all k
        inner = receiver_text(e.base)
        return None if inner is None else f"{inner}[]"
    return None


def container_of(context: object) -> Optional[Expression]:
    """The container a method is called on, from the call's node (``xs.append(...)``, the
    index expression of ``xs[i]`` or ``xs[i] = ...``).

    >>> container_of(NameExpr("xs")).name
    'xs'
    """
    if isinstance(context, CallExpr) and isinstance(context.callee, MemberExpr):
        return context.callee.expr
    if isinstance(context, IndexExpr):
        return context.base
    if isinstance(context, OperatorAssignmentStmt):
        return context.lvalue
    if isinstance(context, (NameExpr, MemberExpr)):
        return context  # iterated: ``for layer in layers``
    return None


def container_key(api: CheckerPluginInterface, context: object,
                  iterated: bool = False) -> Optional[Tuple[str, str]]:
    """Which list a method is called on, as (function, receiver), from the call's node (for
    ``__iter__``, ``iterated``: the node is the iterated container itself); at module level
    the function is the module's name.

    >>> container_key(None, NameExpr("xs"))
    ('', 'xs')
    """
    container = context if iterated and isinstance(context, Expression) else container_of(context)
    target = receiver_text(container) if container is not None else None
    if target is None:
        return None
    scope = getattr(api, "scope", None)
    func = scope.current_function() if scope is not None else None
    # (at module level, the module: two modules' ``same`` of one mypy run are two lists)
    return (getattr(func, "fullname", "") or getattr(getattr(api, "tree", None), "fullname", "")
            or "", target)


def origin(api: CheckerPluginInterface, e: Expression) -> Optional[str]:
    """How a container's type was given: ``"declared"`` (an annotation, a parameter),
    ``"inferred"`` (from its first items) or ``None`` (cannot tell). An item of a container
    (``acts[k]`` of ``acts = defaultdict(list)``) is as its container.

    >>> origin(None, NameExpr("xs")) is None  # (not bound by semantic analysis)
    True
    """
    from mypy_plugin.callbacks.boundaries import target_origin
    from mypy_plugin.callbacks.boundary_index import Boundary

    if isinstance(e, IndexExpr):
        return origin(api, e.base)
    if isinstance(e, NameExpr):
        var = e.node
        if not isinstance(var, Var):
            return None
        return "inferred" if var.is_inferred and not var.is_argument else "declared"
    if isinstance(e, MemberExpr):
        if isinstance(e.expr, RefExpr) and isinstance(e.expr.node, MypyFile):
            var = e.node  # another module's variable: ``lib.heads``
            return None if not isinstance(var, Var) else (
                "inferred" if var.is_inferred else "declared")
        if _library_member(api, e):
            return origin(api, e.expr)  # (cm.maps of an inferred ChainMap: as cm)
        return target_origin(api, Boundary("assign", "", lvalue=e))
    return None


def _library_member(api: CheckerPluginInterface, e: MemberExpr) -> bool:
    """Whether ``e`` is an attribute of a library generic container (``cm.maps`` of a
    ``ChainMap``) whose declared type names the class's type parameters: its sizes are the
    container's, given as the container's type was."""
    lookup = getattr(api, "lookup_type_or_none", None)
    owner = get_proper_type(lookup(e.expr)) if lookup is not None else None
    if not isinstance(owner, Instance) or not owner.args \
            or not owner.type.fullname.startswith(_LIBRARY_PREFIXES):
        return False
    found = owner.type.get(e.name)
    var = found.node if found is not None else None
    if not isinstance(var, Var) or var.type is None:
        return False
    params = {tv.name for tv in owner.type.defn.type_vars}
    return any(v.name in params for v in get_all_type_vars(var.type))


_LIBRARY_PREFIXES = ("collections.", "builtins.", "typing.")
"""The modules whose generic containers' attributes read as the container (``cm.maps``)."""
