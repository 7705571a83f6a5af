"""Which methods of a user layer's class a call's body may follow, for the instance it reads.

``self.residual(x)`` in ``Block.__call__`` runs ``Block.residual`` on a ``Block``, but a
``Bottleneck(Block)`` that redefines ``residual`` runs its own; and ``super().branch(x)``
written in ``Left`` runs ``Right``'s for a ``class Both(Left, Right)``. When the instance is
traced to its class's own construction (flow_instances.py: ``Block(16, 8)(x)``) its class,
so its MRO, is known and every method may be followed. Otherwise (an instance typed as a
base) the methods a class of the module deriving from its class redefines are not followed,
and nothing is (nor ``super()``) when a class of the module derives from it among several
bases: that class's MRO may put another base's method first (layer_bodies.py reads it).
An attribute of a traced instance read outside its methods (``m.encoder(src)`` of ``m =
Seq2Seq()``) holds what its construction's run built there: :func:`held_attributes` gives
those attributes.

>>> followed_skips(object(), None, None) is None  # type: ignore[arg-type]
True
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, Optional

from mypy.nodes import CallExpr, ClassDef, Expression, MemberExpr, MypyFile, RefExpr
from mypy.types import Instance

from mypy_plugin.flow_instances import construction_of, instance_attributes
from mypy_plugin.flow_values import Item
from mypy_plugin.statements import PerTree, overridden, walk

__all__ = ["followed_skips", "held_attributes", "mixed_bases"]


def followed_skips(api: Any, e: Any, receiver: Instance) -> Optional[FrozenSet[str]]:
    """The methods of ``receiver``'s class a call's body may not follow: none when the
    instance ``e`` stands for is traced to its class's own construction, else those a class
    of the module deriving from it redefines (None: not known; also when a class of the
    module derives from it among several bases: its MRO, which ``super()`` follows, may put
    another class after ``receiver``'s).

    >>> followed_skips(object(), None, None) is None  # type: ignore[arg-type]
    True
    """
    built = construction_of(api, e) if isinstance(e, Expression) else None
    if built is not None and isinstance(built.callee, RefExpr) and \
            built.callee.node is receiver.type:
        return frozenset()
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile) or receiver.type.fullname in _mixed(tree):
        return None  # (``class S(T, M)``: for an S, ``self.f`` in T's body may be M's ``f``)
    return frozenset(n for c, n in overridden(tree) if c == receiver.type.fullname)


def held_attributes(api: Any, e: Any, receiver: Instance) -> Optional[Dict[str, Any]]:
    """The attributes the instance ``e`` (``m.encoder``, an attribute of an instance traced to
    its construction) holds when that construction's run built it with a call of
    ``receiver``'s own class (``self.encoder = Encoder(src_vocab, emb, hidden)``), every
    method followable (its class is known); None otherwise.

    >>> held_attributes(object(), None, None) is None  # type: ignore[arg-type]
    True
    """
    if not isinstance(e, MemberExpr):
        return None
    outer = instance_attributes(api, e.expr)
    v = outer.get(e.name) if outer else None
    if not isinstance(v, Item) or not v.attrs or not isinstance(v.expr, CallExpr) or \
            not isinstance(v.expr.callee, RefExpr) or v.expr.callee.node is not receiver.type:
        return None
    return v.attrs


def mixed_bases(tree: MypyFile) -> FrozenSet[str]:
    """The classes some class of ``tree`` derives from through several bases (its MRO may put
    another base's methods before theirs).

    >>> mixed_bases(MypyFile([], []))
    frozenset()
    """
    return frozenset(b.fullname for c in walk(tree.defs) if isinstance(c, ClassDef) and len(
        c.info.bases) > 1 for b in c.info.mro[1:])


_mixed: PerTree[FrozenSet[str]] = PerTree(mixed_bases, keep=64)
