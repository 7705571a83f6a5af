"""``super().doubled()`` in a subclass that fixes a dim of its generic base (s15 gc02).

``class Feat(Generic[B, N])`` has ``def doubled(self) -> Tensor[B, "2*N"]``; ``class
Feat4(Feat[B, 4])`` calls ``super().doubled()``. mypy puts the subclass's types into the
base's bare type variables (``B``) but not into a string dim (``"2*N"``), and the call of a
method through ``super()`` runs no method hook that would (mypy gives it no full name; the
function hook it runs is asked for ``"doubled of Feat"``). So the result was
``Tensor[B, 2*N]``, and ``return super().doubled()`` under ``-> Tensor[B, 8]`` a false
``[shape]`` (``axis 1 is 2*N, expected 8``): the ``N`` of another class.

:func:`super_result` puts the subclass's binding of the defining class's type parameters
into those string dims (``N`` is 4 for ``Feat4``, so ``Tensor[B, 8]``); a parameter the
subclass binds to no dim (``Feat[B, int]``) makes the dims naming it unknown. mypy's own check
of the override (``Return type "Tensor[B, Literal[8]]" of "doubled" incompatible with return
type "Tensor[B, Literal['2*N']]" in supertype "Feat"  [override]``) still compares the two
annotations as written, in ``Literal`` words: a known limit (docs/errors.md).

>>> callable(super_result)
True
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Set

from mypy.maptype import map_instance_to_supertype
from mypy.nodes import CallExpr, SuperExpr, TypeInfo
from mypy.typevars import fill_typevars
from mypy.types import Instance, Type, TypeVarType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import names_in_scope, substitution_types
from mypy_plugin.callbacks.generic_dims import result_symbols

__all__ = ["super_result"]


def _defining(info: TypeInfo, name: str) -> Optional[TypeInfo]:
    """The class after ``info`` in its MRO that defines ``name`` (what ``super()`` reaches)."""
    for base in info.mro[1:]:
        if name in base.names:
            return base
    return None


def super_result(ctx: Any) -> Type:
    """The result of ``super().<method>(...)`` (``ctx``: a function hook's context) with the
    subclass's dims in its string dims; ``ctx.default_return_type`` for any other call.

    >>> class Ctx:
    ...     context = None; default_return_type = "t"
    >>> super_result(Ctx())
    't'
    """
    t: Type = ctx.default_return_type
    call = ctx.context
    # (mypy's node for ``super().doubled`` is one SuperExpr, the callee)
    if not isinstance(call, CallExpr) or not isinstance(call.callee, SuperExpr) \
            or call.callee.call.args:
        return t  # (``super(Cls, self)`` with arguments: not read)
    symbols = result_symbols(t)
    info = call.callee.info
    if not symbols or info is None:
        return t
    base = _defining(info, call.callee.name)
    if base is None or not base.defn.type_vars:
        return t
    own = fill_typevars(info)
    if not isinstance(own, Instance):
        return t
    mapped = map_instance_to_supertype(own, base)
    dims: Dict[str, Any] = {}  # (symbol -> its dim: translate's to read and write)
    unsolved: Set[str] = set()
    for tv, given in zip(base.defn.type_vars, mapped.args):
        if tv.name not in symbols or not isinstance(tv, TypeVarType):
            continue
        p = get_proper_type(given)
        if isinstance(p, TypeVarType) and p.name == tv.name:
            continue  # (the subclass's own ``B``, the same symbol: mypy's dims stand)
        d = translate.dim_of_type(given)
        if d is None:
            unsolved.add(tv.name)
        else:
            dims[tv.name] = d
    if not dims and not unsolved:
        return t
    names = translate.Names()
    names_in_scope(ctx.api, names)
    return translate.substitute_type(t, dims, {}, names, *substitution_types(ctx.api),
                                     unsolved=frozenset(unsolved))
