"""A ``Chain`` of model blocks a construction's run builds: each block with what it holds.

A model builds its stages as Chains of its own blocks (kuangliu's pytorch-cifar ResNet)::

    layers = []
    for s in [stride] + [1] * (num_blocks - 1):
        layers.append(BasicBlock(self.in_planes, planes, s))
        self.in_planes = planes
    self.layer1 = Chain(*layers)

mypy types ``self.layer1`` as ``Chain[BasicBlock, BasicBlock]``: one type object for every
instance of the plain class ``BasicBlock``, with no sizes. While a construction's run
(flow_instances.py) holds that Chain, :func:`traced_chain` gives each block of it the
attributes its own construction built (an item the run built, ``BasicBlock(8, 16, 2)``
written in the ``Chain(...)``, or a list's item it appended): the Chain's type gets a fresh
type object per such block, registered with what it holds (layer_bodies.known_layer), so
wherever that type is read (``self.layer1(x)`` in ``__call__``, ``model.layer1(x)``) the
block's body runs on its layers. A block whose construction the run did not follow keeps
mypy's type (its declared layers: nothing more is claimed).

>>> CHAIN
'typedflux.layers.containers.Chain'
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS, ARG_STAR, CallExpr, MemberExpr, NameExpr, RefExpr, TypeInfo, Var,
)
from mypy.types import (
    AnyType, Instance, TupleType, Type, TypeOfAny, UnpackType, get_proper_type,
)

from mypy_plugin import per_build
from mypy_plugin.flow_values import Env, Item, Record, Seq

__all__ = ["CHAIN", "traced_chain", "blocks_of"]

CHAIN = "typedflux.layers.containers.Chain"

_Attrs = Optional[Dict[str, Any]]


def traced_chain(v: Item, env: Env, build: Callable[[CallExpr], _Attrs]) -> Item:
    """``v`` (an :class:`Item` of ``Chain(...)``) with each of its model blocks' types a fresh
    object that says what the block holds; ``v`` itself when no block is known.
    ``build``: what a construction written in the Chain builds with the run's names."""
    chain = get_proper_type(v.type)
    call = v.expr
    if not isinstance(chain, Instance) or not isinstance(call, CallExpr):
        return v
    parts: List[_Attrs] = []
    if any(k not in (ARG_POS, ARG_STAR) for k in call.arg_kinds):
        return v
    for arg, kind in zip(call.args, call.arg_kinds):
        found = _parts(arg, kind == ARG_STAR, env, build)
        if found is None:
            return v
        parts.extend(found)
    layers = list(chain.args)
    packed: Optional[TupleType] = None  # (``Chain(*layers)``: ``Chain[*tuple[Block, Block]]``)
    if len(layers) == 1 and isinstance(layers[0], UnpackType):
        inner = get_proper_type(layers[0].type)
        if not isinstance(inner, TupleType):
            return v
        packed, layers = inner, list(inner.items)
    if len(parts) != len(layers) or not any(parts):
        return v
    from mypy_plugin.callbacks.layer_bodies import known_layer  # (it imports the flow)

    args: List[Type] = [
        known_layer(p, attrs) if attrs and isinstance(p, Instance) and not
        p.type.fullname.startswith("typedflux.") else a
        for a, p, attrs in zip(layers, map(get_proper_type, layers), parts)]
    if packed is not None:
        args = [UnpackType(packed.copy_modified(items=args))]
    held = chain.copy_modified(args=args)
    _BLOCKS[id(held)] = (held, {i: attrs for i, attrs in enumerate(parts)})
    return Item(held, call, v.attrs)


def blocks_of(t: Type) -> Optional[Dict[int, _Attrs]]:
    """What each block of a Chain type :func:`traced_chain` made holds (None: not one): two
    Chains of the same type whose blocks hold other layers are not the same value.

    >>> blocks_of(AnyType(TypeOfAny.special_form)) is None
    True
    """
    hit = _BLOCKS.get(id(t))
    return hit[1] if hit is not None and hit[0] is t else None


_BLOCKS: Dict[int, Tuple[Type, Dict[int, _Attrs]]] = {}
per_build.forget_each_build(_BLOCKS)  # (holds mypy types: this build's only)


def _parts(arg: Any, star: bool, env: Env, build: Callable[[CallExpr], _Attrs]
           ) -> Optional[List[_Attrs]]:
    """What each layer an argument of the ``Chain(...)`` gives holds (``star``: ``*layers``;
    None: not known how many layers it gives)."""
    if star:
        held = _held(arg, env)
        if not isinstance(held, Seq):
            return None
        return [i.attrs if isinstance(i, Item) else None for i in held.items]
    if isinstance(arg, CallExpr) and isinstance(arg.callee, RefExpr) and isinstance(
            arg.callee.node, TypeInfo):
        return [build(arg)]
    held = _held(arg, env)
    return [held.attrs if isinstance(held, Item) else None]


def _held(e: Any, env: Env) -> Any:
    """What a run's name (``layers``) or its ``self``'s attribute (``self.stem``) holds."""
    if isinstance(e, NameExpr) and isinstance(e.node, Var):
        return env.get(e.node)
    if isinstance(e, MemberExpr) and isinstance(e.expr, NameExpr) and isinstance(
            e.expr.node, Var) and isinstance(env.get(e.expr.node), Record):
        record = env[e.expr.node]
        assert isinstance(record, Record)
        return record.get(e.name)
    return None
