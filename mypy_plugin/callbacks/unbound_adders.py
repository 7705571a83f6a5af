"""A library container's method called through its class: ``list.append(self.layers, layer)``.

``self.layers = [Dense(8, 16)]`` is a ``list[Dense[8, 16]]`` because mypy solved the list's
``_T`` from the display; a bound ``self.layers.append(Dense(16, 4))`` takes any layer
(``callbacks/lists.py``), but the unbound ``list.append(self.layers, Dense(16, 4))`` calls the
generic function ``def [_T] (self: list[_T], object: _T)``, whose ``_T`` mypy cannot solve
from ``list[Dense[8, 16]]`` and ``Dense[16, 4]`` (``Cannot infer value of type parameter "_T"
of "append" of "list"  [misc]``). Plain mypy, which gives a layer or tensor no sizes, says
nothing: the error is the sizes', and the program runs. The same holds for every method of
a generic library class called through the class (``list.insert``, ``list.extend``,
``list.__setitem__``, ``dict.__setitem__``, ``dict.setdefault``, ``collections.deque.append``)
and for an ``operator`` function that takes a generic container first
(``operator.setitem(d, "k", h)``).

So where that first argument is a name or attribute whose type mypy inferred (no annotation,
not a parameter: :func:`~mypy_plugin.callbacks.container_origin.origin`) and holds layers or
tensors, and another argument does not fit the sizes it holds, the signature takes the
container as it is and the type parameters it solves with unknown sizes (:func:`loosened`):
the call is clean, the container is marked as one that mixes sizes (as ``xs.append`` marks
it) and a result of such a type parameter (``dict.setdefault``'s) has unknown sizes. A
container whose type was written (``xs: List[Tensor[2, 9]] = [...]``) keeps mypy's error: the
annotation promised one shape.

mypy runs no method hook for ``list.append(...)`` (the class object's type is an overload of
its constructors, which names no class to look a hook up by), so the method is typed where it
is read from the class (:func:`class_method_hook`, mypy's class attribute hook), with the call
it is the callee of found in the module's tree: a call that is a statement of its own or the
value of an assignment (``list.append(xs, h)``, ``v = dict.setdefault(d, k, h)``), with
positional arguments. ``operator.setitem`` runs a function signature hook
(:func:`operator_hook`).

>>> callable(loosened)
True
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Set

from mypy.expandtype import expand_type
from mypy.maptype import map_instance_to_supertype
from mypy.nodes import (
    ARG_OPT, ARG_POS, AssignmentStmt, CallExpr, Decorator, Expression, ExpressionStmt, FuncDef,
    MemberExpr, MypyFile, OverloadedFuncDef, SymbolTableNode, TypeInfo,
)
from mypy.plugin import AttributeContext, CheckerPluginInterface, FunctionSigContext
from mypy.subtypes import is_subtype
from mypy.typeops import get_all_type_vars
from mypy.types import (
    CallableType, FunctionLike, Instance, Overloaded, Type, TypeVarId, TypeVarLikeType,
    TypeVarType, get_proper_type,
)

from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.container_origin import MIXED, container_key, origin
from mypy_plugin.callbacks.held_methods import sized
from mypy_plugin.callbacks.unsized_types import unsized
from mypy_plugin.statements import PerTree, walk

__all__ = ["class_method_hook", "class_method_route", "loosened", "operator_hook"]

_FUNCTION_MODULES = ("_operator.", "operator.")
"""Modules whose generic functions take a container first (``operator.setitem``)."""


def loosened(api: CheckerPluginInterface, sig: CallableType,
             args: List[List[Expression]]) -> CallableType:
    """``sig`` (one item of an overload; ``args``: the call's arguments by its parameters)
    with its first parameter the inferred container given to it and the type variables that
    container solves of unknown sizes, when another argument does not fit the sizes the
    container holds; ``sig`` itself otherwise.

    >>> loosened(None, "sig", [])  # type: ignore[arg-type]
    'sig'
    """
    if not isinstance(sig, CallableType) or not sig.variables or not sig.arg_types \
            or not args or len(args[0]) != 1:
        return sig
    first = get_proper_type(sig.arg_types[0])
    receiver = args[0][0]
    if not isinstance(first, Instance) or origin(api, receiver) != "inferred":
        return sig
    with api.msg.filter_errors(filter_revealed_type=True):
        actual = get_proper_type(api.get_expression_type(receiver))
    if not isinstance(actual, Instance) or not actual.type.has_base(first.type.fullname):
        return sig
    own = {v.id for v in sig.variables}
    held: Dict[TypeVarId, Type] = {}  # (each type variable as the container solves it)
    for formal, given in zip(first.args, map_instance_to_supertype(actual, first.type).args):
        p = get_proper_type(formal)
        if isinstance(p, TypeVarType) and p.id in own and sized(given):
            held[p.id] = given
    if not held or not _differs(api, sig, args, held):
        return sig
    key = container_key(api, receiver, iterated=True)
    if key is not None:
        MIXED.add(key)  # (what is read from it afterwards: any sizes)
    expanded = expand_type(sig, {k: unsized(api, t) for k, t in held.items()})
    assert isinstance(expanded, CallableType)
    return expanded.copy_modified(arg_types=[actual, *expanded.arg_types[1:]],
                                  variables=[v for v in sig.variables if v.id not in held])


def _differs(api: CheckerPluginInterface, sig: CallableType, args: List[List[Expression]],
             held: Dict[TypeVarId, Type]) -> bool:
    """Whether an argument after the first, of a parameter that names a type variable the
    container solves, does not fit its parameter with the container's sizes put in."""
    precise = expand_type(sig, held)
    assert isinstance(precise, CallableType)
    for i, actuals in enumerate(args[1:len(sig.arg_types)], start=1):
        if not any(v.id in held for v in get_all_type_vars(sig.arg_types[i])):
            continue
        for e in actuals:
            with api.msg.filter_errors(filter_revealed_type=True):
                t = api.get_expression_type(e)
            if not is_subtype(t, precise.arg_types[i]):
                return True
    return False


def _function_hook(ctx: FunctionSigContext) -> FunctionLike:
    sig = ctx.default_signature
    return loosened(ctx.api, sig, ctx.args) if isinstance(sig, CallableType) else sig


_GUARDED_FUNCTION = guarded("unbound container method", _function_hook,
                            lambda ctx: ctx.default_signature)


def _statement_calls(tree: MypyFile) -> Dict[int, CallExpr]:
    """The calls of a module (a statement of their own, or an assignment's value) whose
    callee is a member read (``list.append``), by that callee's id."""
    out: Dict[int, CallExpr] = {}
    for st in walk(tree.defs):
        e = st.expr if isinstance(st, ExpressionStmt) else \
            st.rvalue if isinstance(st, AssignmentStmt) else None
        if isinstance(e, CallExpr) and isinstance(e.callee, MemberExpr):
            out[id(e.callee)] = e
    return out


_CALLS: PerTree[Dict[int, CallExpr]] = PerTree(_statement_calls, keep=8, on_error=dict)


def _loosened_item(api: CheckerPluginInterface, item: CallableType, call: CallExpr
                   ) -> CallableType:
    if len(call.args) > len(item.arg_kinds) or \
            any(k not in (ARG_POS, ARG_OPT) for k in item.arg_kinds[:len(call.args)]):
        return item
    return loosened(api, item, [[a] for a in call.args])


def class_method_hook(ctx: AttributeContext) -> Type:
    """mypy's class attribute hook for a method of a generic library class read from the
    class (``list.append`` in ``list.append(self.layers, Dense(16, 4))``): the method's
    signature :func:`loosened` for the call it is the callee of.

    >>> class_method_hook.__name__
    'class_method_hook'
    """
    t = ctx.default_attr_type
    e = ctx.context
    tree = getattr(ctx.api, "tree", None)
    if ctx.is_lvalue or not isinstance(e, MemberExpr) or not isinstance(tree, MypyFile):
        return t
    call = _CALLS(tree).get(id(e))
    if call is None or call.callee is not e or any(k != ARG_POS for k in call.arg_kinds):
        return t
    p = get_proper_type(t)
    if isinstance(p, CallableType):
        return _loosened_item(ctx.api, p, call)
    if isinstance(p, Overloaded):
        items = [_loosened_item(ctx.api, item, call) for item in p.items]
        return t if all(a is b for a, b in zip(items, p.items)) else Overloaded(items)
    return t


_GUARDED_CLASS = guarded("unbound container method", class_method_hook,
                         lambda ctx: ctx.default_attr_type)


def _takes_container_first(node: object, owner: Optional[TypeInfo] = None) -> bool:
    """Whether a function's first parameter (in some item of an overload) is a generic
    instance type of the function's own type variables (``a: MutableMapping[_K, _V]``), or,
    for a method of ``owner``, of the class's (``self: list[_T]``)."""
    if isinstance(node, Decorator):
        node = node.func
    if not isinstance(node, (FuncDef, OverloadedFuncDef)):
        return False
    t = get_proper_type(node.type)
    items = t.items if isinstance(t, Overloaded) else [t] if isinstance(t, CallableType) else []
    for item in items:
        own: Set[TypeVarId] = {v.id for v in item.variables if isinstance(v, TypeVarLikeType)}
        if owner is not None:
            own |= {v.id for v in owner.defn.type_vars}
        first = get_proper_type(item.arg_types[0]) if item.arg_types else None
        if isinstance(first, Instance) and any(v.id in own for v in get_all_type_vars(first)):
            return True
    return False


def operator_hook(fullname: str, check: Callable[[Any], FunctionLike]
                  ) -> Callable[[Any], FunctionLike]:
    """The signature hook for a call of ``fullname``: ``check`` (the hook every function
    gets), then, for an ``operator`` function (``operator.setitem``), :func:`loosened` on the
    signature it gives.

    >>> check = lambda ctx: "sig"
    >>> operator_hook("pkg.f", check) is check  # type: ignore[arg-type,return-value]
    True
    """
    if not fullname.startswith(_FUNCTION_MODULES):
        return check

    def run(ctx: Any) -> FunctionLike:  # (a FunctionSigContext: a module's function)
        sig = check(ctx)
        return _GUARDED_FUNCTION(ctx._replace(default_signature=sig)) \
            if isinstance(sig, CallableType) else sig

    return run


def class_method_route(fullname: str, lookup: Callable[[str], Optional[SymbolTableNode]]
                       ) -> Optional[Callable[[AttributeContext], Type]]:
    """The class attribute hook for ``fullname`` (``builtins.list.append``, a library class's
    attribute read from the class; the caller picks the library modules):
    :func:`class_method_hook` for a method of a generic class whose first parameter is the
    class's instance; ``None`` otherwise.

    >>> class_method_route("builtins.len", lambda n: None) is None
    True
    """
    owner = getattr(lookup(fullname.rsplit(".", 1)[0]), "node", None)
    if not (isinstance(owner, TypeInfo) and owner.type_vars):
        return None
    found = owner.get(fullname.rsplit(".", 1)[1])
    return _GUARDED_CLASS if found is not None and _takes_container_first(found.node, owner) \
        else None
