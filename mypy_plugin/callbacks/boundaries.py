"""Annotation boundaries: a tensor returned, assigned or yielded against its annotation.

mypy checks a ``return``/assignment/``yield`` value against the declared type itself, and its
message talks about types (``Tensor[B, Literal['C*H*W']]``) under codes that
``# type: ignore[shape]`` does not cover. The value's own hook (an op, a layer call, a call
of a user function) runs while mypy infers that value *with the declared type as its type
context*, so :func:`check_boundary`, called at the end of such a hook, compares the two
shapes first: a provable difference is reported with code ``shape`` in the boundary's words
(``Return shape ... does not match the annotation ...: axis 1 is C*H*W, expected H*W``), and
the hook then hands mypy the declared type, so mypy's own check passes and does not repeat
it. Which boundary an expression is (a return, an assignment to ``h``, a yield, a tuple item
of one) comes from an index of the current file's AST (``callbacks/boundary_index.py``).

A value that runs no hook (a bare name: ``return x``) is left to mypy's own check, whose
error ``callbacks/reworded.py`` says in these words when it can; see docs/errors.md.

>>> declared_tensor.__name__
'declared_tensor'
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, List, Optional, Tuple

from mypy.nodes import MemberExpr, MypyFile, NameExpr, OverloadedFuncDef, RefExpr, StarExpr, Var
from mypy.subtypes import is_subtype
from mypy.types import (
    AnyType, Instance, NoneType, TupleType, Type, TypeOfAny, UninhabitedType,
    UnionType, UnpackType, get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks import reworded
from mypy_plugin.callbacks.boundary_index import Boundary, boundary_of, target_text
from mypy_plugin.callbacks.common import guarded
# (re-exported: the hooks that type a value against its annotation import them from here)
from mypy_plugin.callbacks.declared_types import (
    boundary_declares, declared_tensor, function_declares, tensor_member, tensor_members,
)
from mypy_plugin.callbacks.generic_boundaries import generic_boundary
from mypy_plugin.callbacks.inferred_receivers import mixed_member
from mypy_plugin.callbacks.replaced_layers import foreign_replaced, rebound_tensor
from mypy_plugin.callbacks.super_results import super_result
from mypy_plugin.codes import SHAPE
from typedflux.shapes import messages
from typedflux.shapes.bind import RIGID_UNKNOWN, Mismatch, literal_mismatch, rigid_mismatch

__all__ = [
    "check_boundary",
    "boundary_hook",
    "boundary_attribute_hook",
    "boundary_message",
    "declared_tensor",
    "function_declares",
    "tensor_member",
    "tensor_members",
    "target_origin",
]


def _fits(value: Type, declared: Type) -> bool:
    """mypy's subtype check, except where the ranks provably differ: to mypy a
    ``Tensor[Any]`` (a vector of unknown size, ``y[i:j]``) is a subtype of
    ``Tensor[int, Literal[1]]`` (an Any item stands for the whole variadic run), though the
    run time raises ``rank is 1, expected 2`` for it.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> _fits(AnyType(TypeOfAny.special_form), AnyType(TypeOfAny.special_form))
    True
    """
    if not is_subtype(value, declared):
        return False
    got, want = translate.shape_of(value), translate.shape_of(declared)
    if got is None or want is None:
        return True
    verdict = rigid_mismatch(want, got)  # (only a rank difference: mypy decided the dims)
    return not (isinstance(verdict, Mismatch) and verdict.axis is None)

def _allows_none(expected: Type) -> bool:
    """Whether the annotation ``expected`` is a union holding ``None`` (``Optional[...]``)."""
    p = get_proper_type(expected)
    return isinstance(p, UnionType) and any(isinstance(get_proper_type(i), NoneType) for i in p.items)


def boundary_message(where: Boundary, annotated: Any, got: Any, axis: Optional[int]) -> str:
    """The message for a value at ``where`` whose shape ``got`` is not ``annotated``.

    >>> print(boundary_message(Boundary("assign", "h"), (3, 5), (3, 4), 1))
    Assigned shape Tensor[3, 4] does not match the annotation Tensor[3, 5] of "h": axis 1 is 4, expected 5
    """
    if where.kind == "assign":
        return messages.assignment_mismatch(where.target, annotated, got, axis, where.part)
    if where.kind == "reassign":
        attribute = isinstance(where.lvalue, MemberExpr)
        return messages.reassignment_mismatch(where.target, annotated, got, axis, attribute)
    if where.kind == "yield":
        return messages.yield_mismatch(annotated, got, axis, where.part)
    if where.kind == "default":
        return messages.default_mismatch(where.owner, where.target, annotated, got, axis, where.part)
    if where.kind == "lambda":
        return messages.function_value_mismatch(where.target, "return", annotated, got, axis, where.part)
    return messages.return_mismatch(annotated, got, axis, where.part)


def check_boundary(ctx: Any, result: Type, later: bool = False) -> Type:
    """Check a hook's result against the annotation it is returned, assigned or yielded to.

    Call it last in a function, method or signature hook (``ctx`` has ``api`` and
    ``context``, the call node) with the type the hook computed. Returns ``result``, or,
    when the shapes differ at an annotation boundary, the declared type after reporting the
    difference with code ``shape`` (so mypy's own check of the value passes quietly).

    A value assigned to a name that a later statement of the same block returns or yields
    (``h = ...; return h``), with nothing in between mentioning the name, is checked against
    the function's annotation here, reported at that name, and given the annotated type: the
    bare name runs no hook, so this is the one place to say it in shape words (nothing reads
    the name before it is returned, so nothing else sees the type).

    With ``later`` (a hook that runs inside mypy's error filter for an operator whose other
    method already failed: ``2 * x``), nothing is reported here and ``result`` is kept: mypy
    reports the boundary itself, and ``callbacks/reworded.py`` says it in these words.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> class Api:
    ...     type_context = [None]
    >>> class Ctx:
    ...     api = Api(); context = None
    >>> check_boundary(Ctx(), AnyType(TypeOfAny.special_form))  # no annotation here
    Any
    """
    if translate.is_tensor(result) and rebound_tensor(ctx):
        # An attribute bound in several statements (a state reset per batch), a module name
        # a function rebinds through ``global``: its shape is not known statically.
        return _unknown_shape(ctx.api, result)
    contexts = getattr(ctx.api, "type_context", None)
    expected = contexts[-1] if contexts else None
    generic = None if later else generic_boundary(ctx, expected, result)  # (``Box[B]``)
    if generic is not None:
        return generic
    if expected is None:
        return _check_returned_next(ctx, result, later)
    declared = declared_tensor(expected)
    if declared is None and not later:
        tuples = _check_tuple(ctx, expected, result)
        if tuples is not None:
            return tuples
    if declared is None:
        # Not a tensor annotation (a parameter's type widened to a union by a rebinding, say):
        # the value may still be returned later.
        return _check_returned_next(ctx, result, later)
    p = get_proper_type(result)
    if isinstance(p, UnionType) and _allows_none(expected):
        # An Optional tensor (``first(xs)`` of a generic ``-> Optional[T]``) where an
        # Optional tensor is declared: None fits both, so only the tensors are compared.
        tensors = [m for m in p.items if not isinstance(get_proper_type(m), NoneType)]
        if len(tensors) == 1 and translate.shape_of(tensors[0]) is not None:
            if _fits(tensors[0], declared):
                return result
            result = tensors[0]
            p = get_proper_type(result)
    if isinstance(p, UnionType) and all(translate.shape_of(m) is not None for m in p.items):
        # A union (a variable a loop rebinds): a member that fits may be the value, so only
        # a union no member of which fits is a proven mismatch (named by its first member).
        if any(_fits(m, declared) for m in p.items):
            return declared
        result = p.items[0]
    got = translate.shape_of(result)
    if got is None or _fits(result, declared):
        return result
    where = boundary_of(ctx.api, ctx.context)
    if where is None:  # (an argument of a call no hook checks? callbacks/reworded_arguments.py)
        reworded.note_argument(ctx.api, ctx.context, result, expected, declared)
        return result
    if where.kind == "assign":
        if _module_variable(where.lvalue):
            # ``lib.TABLE = tf.randn(10, 5)`` of a name ``lib`` typed by its first value: any
            # shape fits, as plain mypy's; the value's shape is unknown, so the reads after
            # it (narrowed to it by mypy) are too.
            return _unknown_shape(ctx.api, result)
        origin = target_origin(ctx.api, where)
        if origin is None:
            # A name that takes the new type (a parameter under allow_redefinition:
            # ``x = self.fc(x)``); it may be returned later.
            return _check_returned_next(ctx, result, later)
        if origin == "inferred":
            # No annotation was written (mypy typed the target by its first value): any shape
            # fits, as plain mypy's; the value's shape is then unknown.
            return _unknown_shape(ctx.api, result)
    return _compare(ctx, where, declared, got, result, ctx.context, later)


class _Unproven(Exception):
    """A tuple item that differs in something other than a provable shape: mypy decides."""


def _tuple_mismatch(
    e: TupleType, r: TupleType, path: Tuple[int, ...] = ()
) -> Optional[Tuple[Tuple[int, ...], Any, Any, Any]]:
    """(path, pattern, got, axis) of the first item of ``r`` whose shape provably differs from
    ``e``'s (in a tuple in a tuple too: ``_, (h, c) = lstm(x)``), ``None`` when every difference
    is unprovable (an unknown dim); raises :class:`_Unproven` for a difference of no shape."""
    found: Optional[Tuple[Tuple[int, ...], Any, Any, Any]] = None
    for i, (want, have) in enumerate(zip(e.items, r.items)):
        w, h = get_proper_type(want), get_proper_type(have)
        if isinstance(w, UninhabitedType) or _fits(have, want):
            continue  # (``Never``: the context of a target that takes the value's type)
        if isinstance(w, TupleType) and isinstance(h, TupleType) and len(w.items) == len(h.items):
            inner = _tuple_mismatch(w, h, path + (i,))
            found = found or inner
            continue
        declared, got = declared_tensor(want), translate.shape_of(have)
        pattern = translate.shape_of(declared) if declared is not None else None
        if pattern is None or got is None:
            raise _Unproven
        verdict = rigid_mismatch(pattern, got)
        if verdict == RIGID_UNKNOWN:
            raise _Unproven
        if isinstance(verdict, Mismatch) and found is None:
            found = (path + (i,), pattern, got, verdict.axis)
    return found


def _module_variable(target: Any) -> bool:
    """Whether ``target`` is ``<module>.<name>`` of a module-level variable with no annotation
    (typed by its first value where its module bound it)."""
    if not isinstance(target, MemberExpr) or not isinstance(target.expr, RefExpr) \
            or not isinstance(target.expr.node, MypyFile):
        return False
    var = target.node
    return isinstance(var, Var) and var.is_inferred and not var.is_final


def _unknown_shape(api: Any, t: Type) -> Type:
    """``t`` (a tensor type) with an unknown shape: ``Tensor[*tuple[Any, ...]]``."""
    p = get_proper_type(t)
    if not isinstance(p, Instance):
        return t
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    return p.copy_modified(args=[UnpackType(tuple_any)])


def _check_tuple(ctx: Any, expected: Type, result: Type) -> Optional[Type]:
    """A call's tuple of tensors (``return pair(x)``) against a declared tuple of as many
    items: the first item whose shape provably differs is reported as that tuple item, and
    the declared type handed back. ``None`` (mypy decides) when the value is no such tuple,
    or an item differs in something other than a shape."""
    e, r = get_proper_type(expected), get_proper_type(result)
    if not (isinstance(e, TupleType) and isinstance(r, TupleType)) or len(e.items) != len(r.items):
        return None
    try:
        found = _tuple_mismatch(e, r)
    except _Unproven:
        return None
    if found is None:
        return None  # every difference unprovable (an unknown dim): mypy's check, as before
    where = boundary_of(ctx.api, ctx.context)
    if where is None or where.part is not None:
        return None
    path, pattern, got, axis = found
    if where.kind == "unpack":
        target = _unpacked_target(ctx.api, where, path)
        if target is None:
            return None
        where = target
    elif len(path) > 1 or (
            where.kind not in ("return", "yield") and not (where.kind == "assign" and where.annotated)):
        return None
    else:
        where = replace(where, part=f"tuple item {path[0]}")
    ctx.api.fail(boundary_message(where, pattern, got, axis), ctx.context, code=SHAPE)
    return _merged(e, r)


def _merged(e: TupleType, r: TupleType) -> Type:
    """The declared tuple handed back after a report, with the value's own item where a target
    takes its type (context ``Never``: ``memory`` of ``out, (h, memory) = lstm(x)``)."""
    items: List[Type] = []
    for want, have in zip(e.items, r.items):
        w, h = get_proper_type(want), get_proper_type(have)
        if isinstance(w, UninhabitedType):
            items.append(have)
        elif isinstance(w, TupleType) and isinstance(h, TupleType) and len(w.items) == len(h.items):
            items.append(_merged(w, h))
        else:
            items.append(want)
    return e.copy_modified(items=items)


def _unpacked_target(api: Any, where: Boundary, path: Tuple[int, ...]) -> Optional[Boundary]:
    """The assignment to the target at ``path`` of ``a, n = pair()`` (``(1, 0)`` for ``h`` of
    ``_, (h, c) = lstm(x)``), when that target's type is declared (or set by its first
    value); ``None`` when the name takes the new type."""
    lvalue: Any = where.lvalue
    for i in path:
        targets = getattr(lvalue, "items", None)
        if targets is None or i >= len(targets) or any(isinstance(t, StarExpr) for t in targets):
            return None
        lvalue = targets[i]
    name = target_text(lvalue)
    if name is None:
        return None
    item = Boundary("assign", name, lvalue=lvalue)
    origin = target_origin(api, item)
    if origin is None:
        return None
    return replace(item, kind="reassign") if origin == "inferred" else item


def target_origin(api: Any, where: Boundary) -> Optional[str]:
    """How an assignment's target got its type: ``"declared"`` (an annotation, here or where
    it was declared), ``"inferred"`` (from its first value: mypy passes that type as the
    context only where the target cannot be redefined) or ``None`` (cannot tell)."""
    if where.annotated:
        return "declared"
    target = where.lvalue
    node: Any = None
    if isinstance(target, NameExpr):
        node = target.node
    elif isinstance(target, MemberExpr) and isinstance(target.expr, RefExpr) \
            and isinstance(target.expr.node, MypyFile):
        node = target.node  # ``lib.FIXED``: the module's own variable
    elif isinstance(target, MemberExpr):
        owner = api.lookup_type_or_none(target.expr) if hasattr(api, "lookup_type_or_none") else None
        if owner is None and isinstance(target.expr, NameExpr) and isinstance(target.expr.node, Var):
            owner = target.expr.node.type  # ``self`` (or a variable of a declared type)
        owner = get_proper_type(owner) if owner is not None else None
        if isinstance(owner, Instance):
            node = getattr(owner.type.get(target.name), "node", None)
            if isinstance(node, Var) and node.info.fullname.startswith("typedflux."):
                # A layer's own parameter (``wpe.weight = wpe.weight[:8]``, nanoGPT's crop):
                # the library's annotation, not the user's, and the run time takes any value.
                return "inferred"
    elif target is not None:
        return "declared"  # an item of a container: the container's declared type
    if isinstance(node, OverloadedFuncDef) and node.is_property:
        return "declared"  # a property with a setter: its value parameter's annotation
    if not isinstance(node, Var):
        return None
    if (
        isinstance(target, NameExpr)
        and (node.is_inferred or node.is_argument)
        and getattr(api.options, "allow_redefinition", False)
    ):
        return None  # the name takes the new type (mypy widens it): nothing to report
    # Declared in the class body or the function, or as ``self.x: T = ...`` in a method.
    if not node.is_inferred or node.explicit_self_type:
        return "declared"
    return "inferred"


def _compare(
    ctx: Any,
    where: Boundary,
    declared: Instance,
    got: Any,
    result: Type,
    at: Any,
    later: bool = False,
) -> Type:
    pattern = translate.shape_of(declared)
    if pattern is None:
        return result
    verdict = rigid_mismatch(pattern, got)
    if where.kind == "default":
        # The function's own dims take the default's sizes when it is used (``Tensor[B, 4] =
        # tf.zeros(2, 4)`` runs with B = 2): only two written sizes that differ are proven.
        verdict = literal_mismatch(pattern, got) or RIGID_UNKNOWN
    if verdict == RIGID_UNKNOWN:
        return result  # variadic runs that cannot be aligned: mypy's own check decides
    if later:
        # mypy reports this boundary itself (the value keeps its type): reworded there.
        if isinstance(verdict, Mismatch) and where.part is None:
            words = boundary_message(where, pattern, got, verdict.axis)
            mypy_at = where.reported_at or at
            reworded.expect(ctx.api, mypy_at, result, declared, words)
        elif isinstance(verdict, Mismatch) and (where.part or "").startswith(_DISPLAYS):
            reworded.note_item(ctx.api, at, result)  # mypy reports the display's item
        return result
    if isinstance(verdict, Mismatch):
        ctx.api.fail(boundary_message(where, pattern, got, verdict.axis), at, code=SHAPE)
    # Otherwise the dims differ only where nothing can be proven (an unknown dim, a floor
    # division the algebra cannot decide): accepted, as any unknown dim is.
    return declared


# Displays whose items mypy reports itself, reworded from the type noted for the item.
_DISPLAYS = ("tuple item", "list item", "dict entry", "set item")


def _check_returned_next(ctx: Any, result: Type, later: bool = False) -> Type:
    got = translate.shape_of(result)
    if got is None:
        return result
    where = boundary_of(ctx.api, ctx.context, returned_next=True)
    if where is None:
        assigned = boundary_of(ctx.api, ctx.context)
        if assigned is not None and isinstance(assigned.lvalue, NameExpr) and not assigned.part:
            # ``h = <value>`` read later: the type a bare ``return h`` may be reworded with.
            reworded.note_value(ctx.api, assigned.lvalue.node, result)
        return result
    declares = boundary_declares(ctx.api, where)
    declared = declared_tensor(declares) if declares is not None else None
    if declared is None or _fits(result, declared):
        return result
    return _compare(ctx, where, declared, got, result, where.at, later)


def boundary_hook() -> Callable[[Any], Type]:
    """A function/method hook that only checks boundaries (calls of user functions).

    >>> callable(boundary_hook())
    True
    """

    def hook(ctx: Any) -> Type:
        # (``super().doubled()``: the subclass's dims in the base's string dims)
        return check_boundary(ctx, super_result(ctx))

    return guarded("boundary check", hook, lambda ctx: ctx.default_return_type)


def boundary_attribute_hook() -> Callable[[Any], Type]:
    """An attribute hook that only checks boundaries (``return self.h``, ``y: T = m.w``).

    >>> callable(boundary_attribute_hook())
    True
    """

    def hook(ctx: Any) -> Type:
        # (a layer attribute of another module's class this module replaces: unknown sizes;
        # one holding a type parameter's value of a generic holder given other sizes, too)
        return check_boundary(ctx, mixed_member(ctx, foreign_replaced(ctx)))

    return guarded("boundary check", hook, lambda ctx: ctx.default_attr_type)
