"""One type variable solved from invariant containers holding tensors of other sizes.

``def merge(a: List[T], b: List[T]) -> T`` called as ``merge([tf.zeros(2, 2)], [tf.zeros(3)])``,
or ``collections.ChainMap({"x": tf.zeros(2, 2)}, {"y": tf.zeros(3)})`` (``*maps:
MutableMapping[_KT, _VT]``): mypy solves ``T`` from ``list[Tensor[2, 2]]`` and ``list[Tensor[3]]``,
and because ``list`` is invariant no one type fits both (``Cannot infer value of type parameter
"T" of "merge"  [misc]``). Plain mypy, which gives a tensor no sizes, solves ``T`` as
``Tensor`` and says nothing; the program runs. The error is the sizes' alone, which the plugin
never proved wrong.

So where a callee's type variable occurs inside an invariant container in its parameters and
the arguments give it two or more values that differ only in their sizes (the same type once
every tensor's shape and layer's sizes are forgotten: ``callbacks/unsized_types.py``), that
variable is fixed to those values with unknown sizes (:func:`shared_solve`): a tensor of the
same rank with every dim ``Any`` when all are tensors of one rank (``Tensor[Any, Any]``), else
the first value unsized (``Tensor[*tuple[Any, ...]]``, ``Dense[Any, Any]``). The call is clean
and its result has unknown sizes. Values that differ otherwise (a tensor and an ``int``) are
left to mypy, as are variables met only in covariant places (``Sequence[T]``: mypy joins them)
and a call that meets a shape annotation (``return pick([x], y)`` at ``-> Tensor[4, 64]``:
mypy takes ``T`` from it, and its errors stay; docs/errors.md, "Known limits").

>>> callable(shared_solve)
True
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from mypy.constraints import SUPERTYPE_OF, infer_constraints
from mypy.expandtype import expand_type
from mypy.nodes import INVARIANT, CallExpr, SymbolTableNode, TypeInfo
from mypy.plugin import FunctionSigContext
from mypy.subtypes import is_same_type
from mypy.types import (
    AnyType, CallableType, FunctionLike, Instance, Type, TypeOfAny, TypeVarId,
    TypeVarType, UnpackType, get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.boundary_index import boundary_of
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.held_methods import sized
from mypy_plugin.callbacks.unsized_types import unsized

__all__ = ["constructor_route", "shared_solve", "solves_invariantly"]


def _invariant_in(t: Type, ids: Dict[TypeVarId, TypeVarType], depth: int = 0) -> bool:
    """Whether one of the type variables ``ids`` occurs in ``t`` as (or inside) an argument
    of an invariant type parameter of a generic class (``List[T]``, ``Dict[str, T]``)."""
    p = get_proper_type(t)
    if depth > 8 or not isinstance(p, Instance):
        return False
    for tv, arg in zip(p.type.defn.type_vars, p.args):
        if isinstance(tv, TypeVarType) and tv.variance == INVARIANT and _names(arg, ids):
            return True
        if _invariant_in(arg, ids, depth + 1):
            return True
    return False


def _names(t: Type, ids: Dict[TypeVarId, TypeVarType], depth: int = 0) -> bool:
    """Whether ``t`` mentions one of the type variables ``ids``."""
    p = get_proper_type(t)
    if depth > 8:
        return False
    if isinstance(p, TypeVarType):
        return p.id in ids
    if isinstance(p, Instance):
        return any(_names(a, ids, depth + 1) for a in p.args)
    return False


def solves_invariantly(sig: CallableType) -> bool:
    """The cheap test first (every call of a generic callee asks): whether one of ``sig``'s
    type variables occurs inside an invariant container in one of its parameters and in two
    or more of them (``pick(a: MutableMapping[str, T], b: Mapping[str, T])``), or in a
    ``*args`` parameter (many arguments).

    >>> solves_invariantly.__name__
    'solves_invariantly'
    """
    ids = {v.id: v for v in sig.variables if isinstance(v, TypeVarType)
           and not translate.is_int_bound(v)}
    if not ids:
        return False
    for tid, tv in ids.items():
        one = {tid: tv}
        if not any(_invariant_in(t, one) for t in sig.arg_types):
            continue
        places = [k for t, k in zip(sig.arg_types, sig.arg_kinds) if _names(t, one)]
        if len(places) >= 2 or any(k.is_star() for k in places):
            return True
    return False


def _value(candidates: List[Type], api: Any) -> Optional[Type]:
    """The value a type variable takes from ``candidates`` (its values by argument), or
    ``None`` when they do not differ in their sizes alone."""
    if len(candidates) < 2 or not all(sized(c) for c in candidates):
        return None
    first = candidates[0]
    if all(is_same_type(first, c) for c in candidates[1:]):
        return None  # (one value: mypy solves it)
    forgotten = unsized(api, first)
    if not all(is_same_type(forgotten, unsized(api, c)) for c in candidates[1:]):
        return None  # (they differ in more than sizes: mypy's to judge)
    proper = [get_proper_type(c) for c in candidates]
    ranks = {len(p.args) for p in proper if isinstance(p, Instance) and translate.is_tensor(p)
             and not any(isinstance(a, UnpackType) for a in p.args)}
    head = proper[0]
    if len(ranks) == 1 and isinstance(head, Instance) and all(
            isinstance(p, Instance) and translate.is_tensor(p) for p in proper):
        return head.copy_modified(args=[AnyType(TypeOfAny.special_form)] * len(head.args))
    return forgotten


def _at_annotation(ctx: Any) -> bool:
    """Whether the call is the value of a ``return``, a ``yield`` or an annotated target."""
    if not isinstance(ctx.context, CallExpr):
        return False
    where = boundary_of(ctx.api, ctx.context)
    return where is not None and (where.kind in ("return", "yield") or where.annotated
                                  or where.declared is not None)


def shared_solve(ctx: Any, sig: CallableType) -> CallableType:
    """``sig`` with each type variable that invariant containers in its parameters solve from
    values differing only in sizes fixed to those values with unknown sizes; ``sig`` itself
    otherwise. ``ctx``: a function or method signature hook's context (its ``args`` by the
    default signature's parameters).

    >>> shared_solve.__name__
    'shared_solve'
    """
    if not sig.variables or not solves_invariantly(sig) or len(ctx.args) != len(sig.arg_types):
        return sig
    contexts = getattr(getattr(ctx.api, "expr_checker", None), "type_context", None)
    if contexts and contexts[-1] is not None and sized(contexts[-1]) or _at_annotation(ctx):
        # (a call meeting a shape annotation, ``return pick([x], y)`` at ``-> Tensor[4, 64]``:
        # mypy takes T from it and its errors stay, docs/errors.md "Known limits"; the
        # boundary too, for the plugin's own re-reading of the call without its context)
        return sig
    fixed: Dict[TypeVarId, Type] = {}
    for tv in sig.variables:
        if not isinstance(tv, TypeVarType) or translate.is_int_bound(tv):
            continue
        one = {tv.id: tv}
        if not any(_invariant_in(t, one) for t in sig.arg_types):
            continue
        candidates: List[Type] = []
        for formal, exprs in zip(sig.arg_types, ctx.args):
            if not _names(formal, one):
                continue
            for e in exprs:
                with ctx.api.msg.filter_errors(filter_revealed_type=True):
                    actual = ctx.api.get_expression_type(e)
                candidates += [c.target for c in infer_constraints(formal, actual, SUPERTYPE_OF)
                               if c.type_var == tv.id]
        value = _value(candidates, ctx.api)
        if value is not None:
            fixed[tv.id] = value
    if not fixed:
        return sig
    out = expand_type(sig, fixed)
    assert isinstance(out, CallableType)
    return out.copy_modified(variables=[v for v in sig.variables if v.id not in fixed])


def _constructor_hook(ctx: FunctionSigContext) -> FunctionLike:
    sig = ctx.default_signature
    return shared_solve(ctx, sig) if isinstance(sig, CallableType) else sig


_GUARDED = guarded("library constructor", _constructor_hook, lambda ctx: ctx.default_signature)


def constructor_route(fullname: str, lookup: Callable[[str], Optional[SymbolTableNode]],
                      mypys: Callable[[str, str], bool]
                      ) -> Optional[Callable[[FunctionSigContext], FunctionLike]]:
    """The function signature hook for ``fullname``, a library name the plugin otherwise
    leaves to mypy: :func:`shared_solve` of the constructor's signature for a generic class
    (``collections.ChainMap``) unless mypy's own plugin has a hook; ``None`` otherwise.

    >>> constructor_route("builtins.len", lambda n: None, lambda k, n: False) is None
    True
    """
    if mypys("get_function_signature_hook", fullname):
        return None
    node = getattr(lookup(fullname), "node", None)
    return _GUARDED if isinstance(node, TypeInfo) and node.type_vars else None
