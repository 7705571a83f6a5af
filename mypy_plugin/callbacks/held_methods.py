"""A method called through a name that holds it bound (``app = cache.append; app(k)``, ``m =
d.update; m(y=...)``): which receiver the name holds is not read at the call.

- A method of a library container, a dict or a list (redteam s12r4 kc01): its parameters are
  typed by the container's first display (``dict[str, Tensor[2, 4]]``), which a dict or list
  whose type mypy inferred does not hold to (``callbacks/lists.py`` lets ``d.update(y=...)``
  take another shape): the values that hold tensors or layers are taken as they come, never
  a shape mismatch against the display's values (:func:`held_container_method`). A name
  bound once to a method of a container whose type the user wrote (``app = xs.append`` of
  ``xs: List[Tensor[2, 9]]``) keeps its parameters: a shape promise there.
- A method of a user generic class (s12 ga07): mypy put the receiver's sizes into the bare
  dims of the signature, but a string dim's symbol (``Cache[B, "N + 1"]``'s ``N``) is still
  the class's: the class's own symbols in the result's string dims are unknown (``Cache[2,
  ?]``), never ``N + 1`` against a size (:func:`held_method_result`).
- Which receiver a held method was bound to, where the program says it (``s = b.set``,
  ``functools.partial(b.set)``, ``[b.set][0]``, ``setters = [b.set]; setters[0]``):
  :func:`held_receiver`, for ``callbacks/inferred_receivers.py`` to decide as for ``b.set(...)``
  (redteam s15 fa05, fe08).

>>> callable(held_method_result), callable(held_container_method)
(True, True)
>>> callable(held_receiver)
True
"""

from __future__ import annotations

from typing import List, Optional, Tuple, Union

from mypy.nodes import (
    FUNC_NO_INFO, CallExpr, Decorator, Expression, FuncBase, FuncDef, IndexExpr, ListExpr,
    MemberExpr, MypyFile, NameExpr, RefExpr, TupleExpr,
)
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.types import (
    AnyType, CallableType, Instance, LiteralType, TupleType, Type, TypeOfAny, TypeVarType, UnionType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.common import names_in_scope, substitution_types
from mypy_plugin.callbacks.generic_dims import result_symbols
from mypy_plugin.codes import SHAPE
from typedflux.shapes.bind import Mismatch, rigid_mismatch

__all__ = ["held_method_result", "held_container_method", "held_receiver", "is_held_method",
           "receivers_of", "sized"]

SigContext = Union[FunctionSigContext, MethodSigContext]

# The library's containers, whose methods are typed by their type arguments.
_CONTAINERS = ("builtins.", "collections.", "typing.", "_collections_abc.")


def _method(ctx: SigContext) -> Optional[FuncBase]:
    """The method a function call's callee is, bound (a name holding ``d.update``)."""
    if not isinstance(ctx, FunctionSigContext):
        return None
    defn = ctx.default_signature.definition
    func = defn.func if isinstance(defn, Decorator) else defn
    if not isinstance(func, FuncBase) or func.info is FUNC_NO_INFO or func.is_static or \
            func.name == "__init__":
        return None
    return func


def is_held_method(ctx: SigContext) -> bool:
    """Whether the call is of a method (not ``__init__``, not static) held bound in a name,
    a partial or a list item: a function call whose callee's signature is a method's."""
    return _method(ctx) is not None


def _bound_value(api: object, e: Optional[Expression]) -> Optional[Expression]:
    """What the name ``e`` was bound to, where one statement binds it (``s = b.set``); ``e``
    itself for any other expression; ``None`` for a name bound otherwise."""
    from mypy_plugin.flow_names import single_binding  # (flow_names imports the checks)

    if not isinstance(e, NameExpr):
        return e
    tree = getattr(api, "tree", None)
    scope = getattr(api, "scope", None)
    if not isinstance(tree, MypyFile) or scope is None:
        return None
    found = single_binding(e, tree, scope.current_function())
    return found[0].rvalue if found is not None else None


def held_receiver(ctx: SigContext) -> Tuple[List[Expression], bool]:
    """The receivers a held method's call may be of, and whether the callee can be only that
    one: ``[b]`` of ``s = b.set; s(x)`` or ``functools.partial(b.set)(x)`` (the only one);
    ``[b, c]`` of ``[b.set, c.set][i](x)`` or ``setters = [b.set, c.set]; setters[0](x)`` (not
    the only one: a list may have had other methods added since). ``([], False)`` where the
    program does not say."""
    return receivers_of(ctx.api, getattr(ctx.context, "callee", None))


def receivers_of(api: object, e: Optional[Expression]) -> Tuple[List[Expression], bool]:
    """:func:`held_receiver` of the expression ``e`` that holds the method."""
    value = _bound_value(api, e)
    for _ in range(4):  # (a partial of a partial: a few steps at most)
        if isinstance(value, MemberExpr):
            return [value.expr], True
        if isinstance(value, CallExpr) and isinstance(value.callee, RefExpr) and \
                value.callee.fullname == "functools.partial" and value.args:
            value = value.args[0]
        elif isinstance(value, IndexExpr):
            items = _bound_value(api, value.base)
            if not isinstance(items, (ListExpr, TupleExpr)):
                break
            return [i.expr for i in items.items if isinstance(i, MemberExpr)], False
        else:
            break
    return [], False


def held_container_method(ctx: SigContext) -> Optional[CallableType]:
    """The signature of a call of a library container's method held in a name. For a
    container whose type the user wrote (``app = xs.append`` of ``xs: List[Tensor[2, 9]]``)
    a held ``append``/``insert`` checks its item as ``xs.append(...)`` does, and any other
    method is left to mypy's own signature (``None``); for an inferred container, the
    parameters that hold tensors or layers take any value. ``None`` for any other call."""
    func = _method(ctx)
    if func is None or not func.info.fullname.startswith(_CONTAINERS):
        return None
    receiver = _declared_receiver(ctx)
    if receiver is not None:
        return _declared_item(ctx, func.name, receiver)
    sig = ctx.default_signature
    any_type = AnyType(TypeOfAny.special_form)
    arg_types = [any_type if sized(t) else t for t in sig.arg_types]
    return sig.copy_modified(arg_types=arg_types)


def _declared_receiver(ctx: SigContext) -> Optional[Expression]:
    """The container whose method the name called holds, when the user wrote its type: bound
    once, ``app = xs.append`` with ``xs: List[Tensor[2, 9]]`` (its parameters are then a shape
    promise, as for ``xs.append(...)``); ``None`` otherwise."""
    from mypy_plugin.callbacks.container_origin import origin
    from mypy_plugin.flow_names import single_binding  # (flow_names imports the checks)

    callee = getattr(ctx.context, "callee", None)
    tree = getattr(ctx.api, "tree", None)
    scope = getattr(ctx.api, "scope", None)
    if not isinstance(callee, NameExpr) or not isinstance(tree, MypyFile) or scope is None:
        return None
    found = single_binding(callee, tree, scope.current_function())
    value = found[0].rvalue if found is not None else None
    if isinstance(value, MemberExpr) and origin(ctx.api, value.expr) == "declared":
        return value.expr
    return None


def _declared_item(ctx: SigContext, method: str, receiver: Expression) -> Optional[CallableType]:
    """A held ``append``/``insert`` of a list whose item shape the user wrote: an item that
    provably lacks it is reported in the words of ``xs.append(...)`` (``Assigned shape ...
    (appended item) ... of "xs"``) and then taken as it comes; ``None`` (mypy's signature,
    checked as any call's) otherwise."""
    from mypy_plugin.callbacks.boundaries import boundary_message
    from mypy_plugin.callbacks.boundary_index import Boundary, target_text

    position = {"append": 0, "insert": 1}.get(method)
    sig = ctx.default_signature
    name = target_text(receiver)
    if position is None or name is None or len(sig.arg_types) <= position or \
            position >= len(ctx.args) or len(ctx.args[position]) != 1:
        return None
    item = translate.shape_of(sig.arg_types[position])
    e = ctx.args[position][0]
    with ctx.api.msg.filter_errors(filter_revealed_type=True):
        got = translate.shape_of(ctx.api.get_expression_type(e))
    verdict = rigid_mismatch(item, got) if item is not None and got is not None else None
    if not isinstance(verdict, Mismatch) or item is None or got is None:
        return None
    where = Boundary("assign", name, lvalue=receiver,
                     part="appended item" if method == "append" else "inserted item")
    ctx.api.fail(boundary_message(where, item, got, verdict.axis), e, code=SHAPE)
    arg_types = list(sig.arg_types)
    arg_types[position] = AnyType(TypeOfAny.special_form)
    return sig.copy_modified(arg_types=arg_types)


def sized(t: Type, depth: int = 0) -> bool:
    """Whether ``t`` holds a typedflux type or a size (a ``Literal``)."""
    p = get_proper_type(t)
    if depth > 8 or isinstance(p, LiteralType):
        return depth <= 8
    if isinstance(p, Instance):
        return p.type.fullname.startswith("typedflux.") or any(
            sized(a, depth + 1) for a in p.args)
    if isinstance(p, (TupleType, UnionType)):
        return any(sized(i, depth + 1) for i in p.items)
    if isinstance(p, CallableType):
        return any(sized(i, depth + 1) for i in [*p.arg_types, p.ret_type])
    return False


def held_method_result(ctx: SigContext, sig: CallableType) -> CallableType:
    """``sig`` with a user generic class's own dims unknown in its result's string dims, for a
    call of its method held in a name; ``sig`` itself for any other call."""
    func = _method(ctx)
    written = func.type if isinstance(func, FuncDef) else None
    if func is None or not isinstance(written, CallableType) or \
            len(written.arg_types) != len(ctx.default_signature.arg_types) + 1:
        return sig  # (not a method with its first parameter bound)
    own = frozenset(tv.name for tv in func.info.defn.type_vars
                    if isinstance(tv, TypeVarType) and translate.is_int_bound(tv))
    strings = own & result_symbols(sig.ret_type)
    if not strings:
        return sig
    names = translate.Names()
    names_in_scope(ctx.api, names)
    return sig.copy_modified(ret_type=translate.substitute_type(
        sig.ret_type, {}, {}, names, *substitution_types(ctx.api), unsolved=strings))
