"""A generic container whose type parameter mypy solved from a first value: no shape promise.

``dq = collections.deque([tf.zeros(2, 9)])`` is a ``deque[Tensor[2, 9]]`` because mypy solved
the deque's ``_T`` from the display; ``dq.append(tf.zeros(2, 4))`` then meets a parameter typed
``Tensor[2, 9]``. No annotation the user wrote promised that shape, and the program runs: a
deque, an ``OrderedDict``, a ``ChainMap`` or a user ``class Box(Generic[T])`` holds tensors of
any shape, as a list does (``callbacks/lists.py``). So where the receiver is a name or
attribute whose type mypy inferred (no annotation, not a parameter:
:func:`~mypy_plugin.callbacks.container_origin.origin`), a parameter typed by one of the
class's type parameters takes tensors of any shape and layers of any size
(:func:`inferred_receiver`): ``dq.append(...)``, ``b.set(...)``, ``od["y"] = ...``. With the
type written (``b: Box[Tensor[2, 9]] = Box(...)``, a parameter ``q: Deque[Tensor[2, 9]]``)
the parameter is still a shape boundary. A type parameter bound to ``int`` (a class's dims,
``Seq(Generic[B, T])``) is a shape the class declares: left alone.

Once such a parameter, of a method that may store it, was given a value of another type (a
lookup stores nothing: ``dq.count(h)``, ``dq.remove(h)``, a user method that only compares
it), the container is marked as one
that mixes sizes (``container_origin.MIXED``, as lists.py marks a list): what its methods
return of that type parameter afterwards (``dq.pop()``, ``od["y"]``) has unknown sizes, and so
has an attribute read from it whose declared type names a type parameter of the class
(``b.v`` of ``self.v = v`` for ``v: T``, or a property ``b.item`` whose getter returns
``T``: :func:`mixed_member`): ``b.set(tf.zeros(2, 4))``
stored it. An attribute typed otherwise (``self.n: int``) keeps mypy's type.

A method held before it is called (redteam s15 fa05, fe08) is decided the same way where the
program says its receiver (``held_methods.held_receiver``): ``s = b.set; s(h)`` as ``b.set(h)``
(:func:`inferred_receiver`); ``functools.partial(b.set)`` (:func:`held_in_partial`) and
``setters[0]`` of ``setters = [b.set]`` (:func:`held_in_list`) before any argument is seen, so
the holder is marked as mixing sizes there. A list item, or a held method whose receiver the
program does not say, takes any size: which holder it is, and whether its type was written,
is not proven.

>>> callable(inferred_receiver)
True
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Set, Tuple, Union

from mypy.nodes import (
    FUNC_NO_INFO, ComparisonExpr, Decorator, Expression, FuncDef, IndexExpr, MemberExpr, NameExpr,
    OverloadedFuncDef, SymbolNode, SymbolTableNode, TypeInfo, Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.plugin import (
    AttributeContext, CheckerPluginInterface, FunctionSigContext, MethodContext, MethodSigContext,
    Plugin,
)
from mypy.subtypes import is_same_type
from mypy.typeops import get_all_type_vars
from mypy.types import CallableType, FunctionLike, Instance, Type, TypeVarType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.container_origin import MIXED, container_key, container_of, origin
from mypy_plugin.callbacks.held_methods import held_receiver, is_held_method, receivers_of, sized
from mypy_plugin.callbacks.invariant_solves import constructor_route
from mypy_plugin.callbacks.lists import list_add_hook
from mypy_plugin.callbacks.unbound_adders import class_method_route
from mypy_plugin.callbacks.unsized_types import unsized

__all__ = ["after_lists", "class_attribute_getter", "constructor_route", "held_in_list",
           "held_in_partial", "inferred_receiver", "library_method_hook", "library_route",
           "list_add_hooks", "mixed_member"]

SigContext = Union[FunctionSigContext, MethodSigContext]


def _size_params(info: TypeInfo) -> Set[str]:
    """The names of ``info``'s type parameters that are not bound to ``int`` (not its dims)."""
    return {tv.name for tv in info.defn.type_vars
            if not (isinstance(tv, TypeVarType) and translate.is_int_bound(tv))}


def _class_params(sig: CallableType) -> Tuple[List[int], bool]:
    """The positions of ``sig``'s parameters (a bound method's) whose declared type names a
    type parameter of the method's class that is not bound to ``int``, and which now hold a
    tensor or layer type; and whether its result is such a type."""
    defn = sig.definition
    func = defn.func if isinstance(defn, Decorator) else defn
    if not isinstance(func, FuncDef) or func.info is FUNC_NO_INFO or func.is_static:
        return [], False
    declared = func.type
    if not isinstance(declared, CallableType) or \
            len(declared.arg_types) != len(sig.arg_types) + 1:
        return [], False  # (not a method with its first parameter bound)
    own = {v.name for v in declared.variables}
    params = _size_params(func.info) - own
    if not params:
        return [], False

    def names(formal: Type, bound: Type) -> bool:
        return sized(bound) and any(v.name in params for v in get_all_type_vars(formal))

    return ([i for i, (formal, bound) in enumerate(zip(declared.arg_types[1:], sig.arg_types))
             if names(formal, bound)], names(declared.ret_type, sig.ret_type))


def inferred_receiver(ctx: SigContext, sig: CallableType) -> CallableType:
    """``sig`` with the parameters typed by its class's type parameters taking any sizes, for
    a method called on a container whose type mypy inferred (and, once such a parameter was
    given other sizes, its result of unknown sizes); ``sig`` itself otherwise.

    >>> inferred_receiver(None, "sig")  # type: ignore[arg-type]
    'sig'
    """
    held = not isinstance(ctx, MethodSigContext) and is_held_method(ctx)
    if not (isinstance(ctx, MethodSigContext) or held):
        return sig  # (first: every function call asks, and most are not methods)
    positions, result = _class_params(sig)
    if not positions and not result:
        return sig
    if isinstance(ctx, MethodSigContext):
        receiver = container_of(ctx.context)
        if receiver is None or origin(ctx.api, receiver) != "inferred":
            return sig
        keys = [container_key(ctx.api, ctx.context)]
    else:  # (a held method, ``s = b.set; s(x)``: as ``b.set(x)`` where the program says b)
        receivers, only = held_receiver(ctx)
        if only and origin(ctx.api, receivers[0]) != "inferred":
            return sig
        # (a list of methods, or no receiver said: which holder, and whether its type was
        # written, is not known, so no shape promise is proven)
        keys = [container_key(ctx.api, r, iterated=True) for r in receivers]
    known = [k for k in keys if k is not None]
    if any(k not in MIXED for k in known) and _differs(ctx, sig, positions):
        MIXED.update(known)  # (what is read from it afterwards: any sizes)
    mixed = any(k in MIXED for k in known) or not known
    return _any_sizes(ctx.api, sig, positions, result and mixed)


def _any_sizes(api: CheckerPluginInterface, sig: CallableType, positions: List[int],
               result: bool) -> CallableType:
    """``sig`` with its parameters at ``positions`` of unknown sizes, and its result too
    when ``result``: what :func:`inferred_receiver` and :func:`_held` give."""
    return sig.copy_modified(
        arg_types=[unsized(api, t) if i in positions else t for i, t in enumerate(sig.arg_types)],
        ret_type=unsized(api, sig.ret_type) if result else sig.ret_type)


def held_in_partial(api: CheckerPluginInterface, sig: CallableType, receiver: Expression
                    ) -> CallableType:
    """``sig``, the method ``receiver.m`` that ``functools.partial(receiver.m)`` holds, as
    :func:`inferred_receiver` gives it for a call ``receiver.m(...)``: on a container whose
    type mypy inferred, its parameters typed by the class's type parameters take any sizes,
    and the container is marked as mixing sizes (what the partial is called with is not
    known here: what is read from it afterwards has unknown sizes); ``sig`` otherwise."""
    return _held(api, sig, [receiver], True)


def held_in_list(ctx: MethodContext) -> Type:
    """The type of ``setters[i]``, a method read from a list or tuple of them (``setters =
    [b.set]``), as :func:`inferred_receiver` gives it for a call ``b.set(...)``: which
    holder's method the item is, and whether that holder's type was written, is not proven
    (the list may have had other methods added), so its parameters typed by the class's
    type parameters take any sizes, and each holder the display names is marked as mixing
    sizes; mypy's type for any other read."""
    sig = get_proper_type(ctx.default_return_type)
    if not isinstance(ctx.context, IndexExpr) or not isinstance(sig, CallableType):
        return ctx.default_return_type
    receivers, _ = receivers_of(ctx.api, ctx.context)
    return _held(ctx.api, sig, receivers, False)


def _held(api: CheckerPluginInterface, sig: CallableType, receivers: List[Expression],
          only: bool) -> CallableType:
    """``sig``, a method held of one of ``receivers`` (the only one, or not), with no
    argument known yet: as :func:`inferred_receiver` decides, every receiver marked."""
    positions, result = _class_params(sig)
    if not positions and not result or \
            only and origin(api, receivers[0]) != "inferred":
        return sig
    keys = [k for k in (container_key(api, r, iterated=True) for r in receivers)
            if k is not None]
    if positions:
        MIXED.update(keys)  # (it may store another shape: reads after it unknown)
    return _any_sizes(api, sig, positions, result)


def mixed_member(ctx: AttributeContext, t: Type) -> Type:
    """``t``, the type of an attribute read ``<receiver>.<name>``, with unknown sizes when the
    receiver is a container :func:`inferred_receiver` marked as mixing sizes and the
    attribute's declared type names a type parameter of its class (``b.v`` after ``b.set(
    tf.zeros(2, 4))`` of ``b = Box(tf.zeros(2, 9))``, where ``self.v = v`` for ``v: T``);
    ``t`` itself otherwise.

    A cheap test comes first (``t`` holds a typedflux type): the attribute hook runs on every
    read of a user attribute.
    """
    e = ctx.context
    if not MIXED or ctx.is_lvalue or not isinstance(e, MemberExpr) or not sized(t):
        return t
    owner = get_proper_type(ctx.type)
    if not isinstance(owner, Instance) or not owner.args:
        return t
    key = container_key(ctx.api, e.expr, iterated=True)
    if key is None or key not in MIXED:
        return t
    found = owner.type.get(e.name)
    declared = _declared_member(found.node if found is not None else None)
    if declared is None:
        return t
    info, typ = declared
    params = _size_params(info)
    if not any(v.name in params for v in get_all_type_vars(typ)):
        return t
    return unsized(ctx.api, t)


def _declared_member(node: Optional[SymbolNode]) -> Optional[Tuple[TypeInfo, Type]]:
    """The class and declared type of the attribute ``node``: a variable's type, or a
    property's getter's return type (``def item(self) -> T``, with or without a setter);
    ``None`` for anything else (a method is read through its signature hook instead)."""
    if isinstance(node, OverloadedFuncDef) and node.is_property and node.items:
        node = node.items[0]  # (a property with a setter: its getter comes first)
    if isinstance(node, Decorator) and node.func.is_property:
        getter = node.func.type
        if not isinstance(getter, CallableType) or node.func.info is FUNC_NO_INFO:
            return None
        return node.func.info, getter.ret_type
    if not isinstance(node, Var) or node.type is None or node.info is FUNC_NO_INFO:
        return None
    return node.info, node.type


_READ_ONLY = frozenset({"index", "count", "remove", "discard", "get", "pop", "copy",
                        "__contains__", "__eq__", "__ne__", "__getitem__", "__delitem__"})
"""Library methods that take a value of the type parameter only to look it up or compare it
(``dq.count(h)``, ``dq.remove(h)``, ``od.get(k, h)``): they store none."""


def _stored(sig: CallableType, positions: List[int]) -> List[int]:
    """Those of ``positions`` whose parameter the method may store: for a library method
    (a stub's body), all unless its name is :data:`_READ_ONLY`; for a user method, those whose
    parameter its body reads other than as an operand of a comparison (``v is self.last``
    stores nothing; passing ``v`` to any call may)."""
    defn = sig.definition
    func = defn.func if isinstance(defn, Decorator) else defn
    if not isinstance(func, FuncDef):
        return positions
    if func.is_trivial_body or not func.body.body:  # (a stub: read by the method's name)
        return [] if func.name in _READ_ONLY else positions
    subs = get_subexpressions(func)
    compared = {id(o) for c in subs if isinstance(c, ComparisonExpr) for o in c.operands}
    out = []
    for i in positions:
        if i + 1 >= len(func.arguments):
            out.append(i)
            continue
        var = func.arguments[i + 1].variable
        if any(isinstance(s, NameExpr) and s.node is var and id(s) not in compared
               for s in subs):
            out.append(i)
    return out


def _differs(ctx: SigContext, sig: CallableType, positions: List[int]) -> bool:
    """Whether an argument at ``positions`` that the method may store (:func:`_stored`) has
    a type other than its parameter's."""
    for i in _stored(sig, positions):
        for e in ctx.args[i] if i < len(ctx.args) else []:
            with ctx.api.msg.filter_errors(filter_revealed_type=True):
                t = ctx.api.get_expression_type(e)
            if not is_same_type(t, sig.arg_types[i]):
                return True
    return False


def library_method_hook(ctx: MethodSigContext) -> FunctionLike:
    """The signature hook of a library generic class's method (``collections.deque.append``,
    ``collections.OrderedDict.__setitem__``): :func:`inferred_receiver` of mypy's signature.

    >>> library_method_hook.__name__
    'library_method_hook'
    """
    sig = ctx.default_signature
    return inferred_receiver(ctx, sig) if isinstance(sig, CallableType) else sig


_GUARDED = guarded("library method", library_method_hook, lambda ctx: ctx.default_signature)


def library_route(fullname: str, lookup: Callable[[str], Optional[SymbolTableNode]],
                  mypys: Callable[[str, str], bool], prefixes: Tuple[str, ...]
                  ) -> Optional[Callable[[MethodSigContext], FunctionLike]]:
    """The signature hook for ``fullname``, a method of a library class (``prefixes``: the
    modules the plugin otherwise leaves to mypy): :func:`library_method_hook` for a generic
    class's, unless mypy's own plugin has one; ``None`` otherwise (a tensor's method too).

    >>> library_route("typedflux.tensor.Tensor.sum", lambda n: None, lambda k, n: False, ("builtins.",))
    """
    if not fullname.startswith(prefixes) or mypys("get_method_signature_hook", fullname):
        return None
    owner = getattr(lookup(fullname.rsplit(".", 1)[0]), "node", None)
    if not (isinstance(owner, TypeInfo) and owner.type_vars):
        return None
    return _GUARDED


def after_lists(hook: Callable[[MethodSigContext], FunctionLike], untouched: bool = False
                ) -> Callable[[MethodSigContext], FunctionLike]:
    """``hook`` (lists.py's), then :func:`inferred_receiver` on what it leaves:
    ``d.update([("y", h)])`` of pairs, which lists.py does not read, takes any size; with
    ``untouched``, only where ``hook`` left mypy's signature as it was (an item lists.py does
    not read: ``cm.maps.append({"y": h})``, a dict of tensors appended to a ChainMap's maps).

    >>> after_lists(lambda ctx: "sig")(None)  # type: ignore[arg-type]
    'sig'
    """
    def run(ctx: MethodSigContext) -> FunctionLike:
        sig = hook(ctx)
        if untouched:
            receiver = get_proper_type(ctx.type)
            if sig is not ctx.default_signature or not isinstance(receiver, Instance) or any(
                    _own(t) for t in receiver.args):
                return sig  # (a tensor or layer item is lists.py's: ks[0] = Dense(6, 2))
        return inferred_receiver(ctx, sig) if isinstance(sig, CallableType) else sig

    return run


def _own(t: Type) -> bool:
    """Whether ``t`` is a typedflux type itself (a tensor, a layer), not a container of one."""
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.fullname.startswith("typedflux.")


def list_add_hooks(adders: Dict[str, int]) -> Dict[str, Callable[[MethodSigContext], FunctionLike]]:
    """The signature hooks of the list and dict adders (``adders``: lists.ADDERS, by method
    fullname the item's position): lists.py's, ``dict.update``'s then :func:`after_lists`.

    >>> sorted(list_add_hooks({"builtins.list.append": 1}))
    ['builtins.list.append']
    """
    hooks = {name: after_lists(list_add_hook(pos), untouched=True)
             for name, pos in adders.items()}
    if "builtins.dict.update" in hooks:
        hooks["builtins.dict.update"] = after_lists(list_add_hook(adders["builtins.dict.update"]))
    return hooks


def class_attribute_getter(plugin: Plugin, fullname: str
                           ) -> Optional[Callable[[AttributeContext], Type]]:
    """The plugin's ``get_class_attribute_hook``: for a method of a generic class read from
    the class (``list.append`` in ``list.append(self.layers, Dense(16, 4))``),
    ``unbound_adders.class_method_route``'s hook; ``None`` for typedflux's own names and
    anything else.

    >>> class P:
    ...     def lookup_fully_qualified(self, name): return None
    >>> class_attribute_getter(P(), "builtins.list.append") is None  # type: ignore[arg-type]
    True
    """
    if fullname.startswith("typedflux."):
        return None
    return class_method_route(fullname, plugin.lookup_fully_qualified)
