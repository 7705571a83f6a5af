"""A layer's parameter tied in ``__init__``: the layer has the sizes of the tensor it is given.

GPTs tie the output head to the token embedding::

    self.wte = Embedding(config.vocab_size, config.n_embd)
    self.lm_head = Dense(config.n_embd, config.vocab_size, bias=False)
    self.lm_head.weight = self.wte.weight        # (vocab, n_embd): Dense(n_embd => vocab)

A layer's sizes are its parameters' (the run time reads ``Dense``'s from ``weight.shape``),
and the library's annotations say which: ``Dense[In, Out]``'s ``weight: Tensor[Out, In]``,
``Embedding[V, D]``'s ``weight: Tensor[V, D]``. A run of a traced construction's
``__init__`` (flow_instances.py) that meets ``self.<layer>.<param> = <expr>`` (a statement of
``__init__``'s own body) gives the layer the sizes those annotations bind for ``<expr>``'s
shape, as mypy types it there: the tie above keeps ``Dense[32, 50]``; a tie written with a
transpose, ``self.wte.weight.T`` (``(n_embd, vocab)``), makes the head a ``Dense[50, 32]``,
which is what the run time builds (``Dense(50 => 32)``). A parameter not annotated so, or a
tensor of unknown shape, leaves the layer unknown from there (module level, the same
assignment types the layer with unknown sizes: callbacks/resized_layers.py).

>>> retied(None, None, "weight", None, {})
NOT_STATIC
"""

from __future__ import annotations

from typing import Any, List, Optional

from mypy.nodes import CallExpr, Var
from mypy.types import AnyType, Instance, LiteralType, Type, TypeOfAny, TypeVarType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.flow_typed import typed
from mypy_plugin.flow_values import NOT_STATIC, Env, Item
from typedflux.shapes.layer_config import is_int

__all__ = ["retied"]


def retied(chk: Any, held: Any, param: str, value: Optional[Type], env: Env) -> Any:
    """What ``self.<layer>`` holds after ``self.<layer>.<param> = <expr>``: ``held`` (its
    value before: an :class:`~mypy_plugin.flow_values.Item`) with the sizes ``<expr>``'s type
    ``value`` binds in the layer class's annotation of ``param``; NOT_STATIC when not so
    known. ``env``: the run's names (the construction is typed again with them)."""
    p = get_proper_type(held.type) if isinstance(held, Item) else None
    if not isinstance(p, Instance) or not p.type.fullname.startswith("typedflux.layers."):
        return NOT_STATIC
    sym = p.type.get(param)
    declared = get_proper_type(sym.type) if sym is not None and isinstance(
        sym.node, Var) else None
    shape = translate.shape_of(value) if value is not None else None
    if not isinstance(declared, Instance) or not translate.is_tensor(declared) or \
            shape is None or len(declared.args) != len(shape):
        return NOT_STATIC
    names: List[str] = []
    for a in declared.args:
        tv = get_proper_type(a)
        if not isinstance(tv, TypeVarType):
            return NOT_STATIC
        names.append(tv.name)
    if sorted(names) != sorted(v.name for v in p.type.defn.type_vars):
        return NOT_STATIC  # (each of the layer's sizes is one axis of the parameter)
    given = dict(zip(names, shape))
    args = [_dim_type(chk, given[v.name]) for v in p.type.defn.type_vars]
    return Item(_built(chk, held, env).copy_modified(args=args), held.expr, held.attrs)


def _built(chk: Any, held: Item, env: Env) -> Instance:
    """The layer's type as its construction builds it, with its options (``bias=False``,
    its activation: what its messages print). The construction is typed with unknown sizes
    where written (the module assigns its parameter: callbacks/resized_layers.py), so a copy
    of the call, assigned to nothing, is typed instead."""
    call = held.expr
    p = get_proper_type(held.type)
    assert isinstance(p, Instance)
    if not isinstance(call, CallExpr):
        return p
    copy = CallExpr(call.callee, call.args, call.arg_kinds, call.arg_names)
    copy.set_line(call)
    t, errors = typed(chk, copy, env)
    built = get_proper_type(t) if t is not None else None
    return built if isinstance(built, Instance) and built.type is p.type and not errors else p


def _dim_type(chk: Any, d: Any) -> Type:
    if is_int(d):
        return LiteralType(d, chk.named_type("builtins.int"))
    return AnyType(TypeOfAny.special_form)  # (a size the tensor does not say: any)
