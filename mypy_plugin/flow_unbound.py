"""``hasattr(self, "shortcut")`` in a body: the attributes a construction's run left unbound.

kuangliu/pytorch-cifar's PreActBlock binds its shortcut only when the width or stride changes,
and its ``forward`` asks for it::

    def __init__(self, in_planes: int, planes: int, stride: int = 1) -> None:
        ...
        if stride != 1 or in_planes != planes:
            self.shortcut = Chain(Conv((1, 1), in_planes, planes, stride=stride))

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(x))
        shortcut = self.shortcut(out) if hasattr(self, "shortcut") else x

The run of ``__init__`` for ``PreActBlock(8, 8)`` (flow_instances.py) takes no branch that
binds ``self.shortcut``: :func:`unbound_names` names it, and the construction's known
attributes hold the set under the key :data:`UNBOUND` (no attribute is named so), so a body
reads ``hasattr(self, "shortcut")`` as False (layer_bodies.py, bodies.decided). Only a name
``__init__`` (or a base's it runs) binds on ``self``, bound on such an instance nowhere else
(flow_owners.py: no other method, no object of unknown class, no ``setattr``), and not
defined in a class body of its MRO (a class attribute or a method: ``hasattr`` is True).
A name the run binds under an ``if`` it cannot decide is among its fields (unknown): not
named here.

>>> UNBOUND.isidentifier()
False
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Optional, Set

from mypy.nodes import (
    AssignmentStmt, Expression, FuncDef, ListExpr, MemberExpr, NameExpr, TupleExpr, TypeInfo,
)

from mypy_plugin.statements import walk
from typedflux.shapes.errors import CannotTell

__all__ = ["UNBOUND", "unbound_names", "has_attribute", "bound"]

UNBOUND = " unbound"
"""The key (no attribute's name) of the names a construction left unbound, among its known
attributes."""


def unbound_names(info: TypeInfo, record: Any, facts: Any, run_binds: Set[int],
                  inits: List[FuncDef]) -> FrozenSet[str]:
    """The names bound on ``self`` in ``inits`` that the run left unbound (not among
    ``record``'s fields: a ``flow_values.Record``), each bound on an instance of ``info``
    nowhere but there (``facts``: flow_owners.AttributeFacts; ``run_binds``: the ids of the
    targets the run reads) and not defined in the body of a class of its MRO.

    >>> callable(unbound_names)
    True
    """
    bound = {n for n, _ in record.fields}
    names: Set[str] = set()
    for init in inits:
        this = init.arguments[0].variable
        for st in walk(init.body.body, scopes=False):
            if isinstance(st, AssignmentStmt):
                names.update(t.name for lv in st.lvalues for t in _items(lv) if isinstance(
                    t, MemberExpr) and isinstance(t.expr, NameExpr) and t.expr.node is this)
    out: Set[str] = set()
    for name in names - bound:
        if facts.binds(info.fullname, name, exact=True) > 0 and not facts.binds_beside(
                info.fullname, name, True, run_binds) and all(
                c.names.get(name) is None or c.names[name].implicit for c in info.mro):
            out.add(name)
    return frozenset(out)


def has_attribute(known: Dict[str, Any], name: str) -> Optional[bool]:
    """``hasattr(self, name)`` of an instance whose construction left ``known`` (its known
    attributes, flow_instances.py): True for one it bound, False for one it left unbound,
    None when not known.

    >>> has_attribute({"fc": 3, UNBOUND: frozenset({"shortcut"})}, "shortcut")
    False
    """
    if name in known and name != UNBOUND:
        return True
    return False if name in known.get(UNBOUND, ()) else None


def bound(known: Dict[str, Any], name: str) -> None:
    """Nothing for an attribute the construction may have bound; CannotTell for one it left
    unbound (reading it raises ``AttributeError`` at run time: no shape to tell).

    >>> bound({}, "fc")
    """
    if name in known.get(UNBOUND, ()):
        raise CannotTell("an attribute the construction left unbound")


def _items(target: Expression) -> List[Expression]:
    if isinstance(target, (TupleExpr, ListExpr)):
        return [i for t in target.items for i in _items(t)]
    return [target]
