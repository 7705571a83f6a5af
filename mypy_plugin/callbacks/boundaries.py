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
of one) comes from an index of the current file's AST, built once per file and only when a
mismatch is found.

A value that runs no hook (a bare name: ``return x``) is left to mypy's own check; see
docs/errors.md ("Known limits").

>>> Boundary("assign", "h").kind
'assign'
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Dict, List, Optional, Tuple

from mypy.nodes import (
    AssignmentStmt,
    Block,
    ClassDef,
    ConditionalExpr,
    Decorator,
    DictExpr,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    IfStmt,
    IndexExpr,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    ReturnStmt,
    SetExpr,
    TryStmt,
    TupleExpr,
    Var,
    WhileStmt,
    WithStmt,
    YieldExpr,
)
from mypy.subtypes import is_subtype
from mypy.traverser import NameAndMemberCollector
from mypy.types import CallableType, Instance, NoneType, Type, UnionType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.codes import SHAPE
from typedflux.shapes import messages
from typedflux.shapes.bind import RIGID_UNKNOWN, Mismatch, rigid_mismatch

__all__ = [
    "Boundary",
    "check_boundary",
    "boundary_of",
    "boundary_hook",
    "boundary_attribute_hook",
    "boundary_message",
    "declared_tensor",
]


@dataclass(frozen=True)
class Boundary:
    """Where an expression's value meets an annotation: ``kind`` is ``"return"``,
    ``"assign"``, ``"reassign"`` (a target typed by its first value) or ``"yield"``; ``target`` the assigned name; ``part`` its place in a
    container display (``"tuple item 1"``, ``"list item 0"``, ``"dict entry 2"``).

    >>> Boundary("return", part="tuple item 1").part
    'tuple item 1'
    """

    kind: str
    target: str = ""
    part: Optional[str] = None
    # For a value assigned to a name that the next statement returns or yields
    # (``h = ...; return h``): that name's node, where the error is reported.
    at: Optional[Expression] = None
    # For an assignment: its target, and whether the statement annotates it itself.
    lvalue: Optional[Expression] = None
    annotated: bool = False
    # For a value assigned to a name that an annotated assignment next reads
    # (``h = ...; y: T = h``): the annotation ``T``.
    declared: Optional[Type] = None


def _target_text(e: Expression) -> Optional[str]:
    if isinstance(e, NameExpr):
        return e.name
    if isinstance(e, MemberExpr):
        owner = _target_text(e.expr)
        return f"{owner}.{e.name}" if owner is not None else None
    if isinstance(e, IndexExpr):
        owner = _target_text(e.base)
        return f"{owner}[...]" if owner is not None else None
    return None


def _returned_next(body: List[Any], found: Dict[int, Boundary]) -> None:
    """``h = <value>`` followed, in the same block, by ``return h`` (or ``yield h``, or an
    annotated ``y: T = h`` after which nothing in the block mentions ``h``) with no statement
    in between that mentions ``h``: the value is checked against the annotation when it is
    computed, since the bare name runs no hook (see :func:`check_boundary`). Nothing else
    reads ``h``, so nothing else sees the type it is then given."""
    later_names: Optional[List[frozenset[str]]] = None  # names read after each statement
    for j, stmt in enumerate(body):
        declared: Optional[Type] = None
        target = ""
        if isinstance(stmt, ReturnStmt):
            returned, kind = stmt.expr, "return"
        elif isinstance(stmt, ExpressionStmt) and isinstance(stmt.expr, YieldExpr):
            returned, kind = stmt.expr.expr, "yield"
        elif (
            isinstance(stmt, AssignmentStmt)
            and stmt.type is not None
            and len(stmt.lvalues) == 1
            and isinstance(stmt.rvalue, NameExpr)
        ):
            returned, kind, declared = stmt.rvalue, "assign", stmt.type
            target = _target_text(stmt.lvalues[0]) or ""
            if later_names is None:
                later_names = _names_after(body)
            if not target or stmt.rvalue.name in later_names[j]:
                continue  # ``h`` is read again: the type it would be given must stay its own
        else:
            continue
        if not isinstance(returned, NameExpr):
            continue
        for k in range(j - 1, -1, -1):
            first = body[k]
            if (
                isinstance(first, AssignmentStmt)
                and len(first.lvalues) == 1
                and isinstance(first.lvalues[0], NameExpr)
                and first.lvalues[0].name == returned.name
            ):
                if first.type is None:
                    found[id(first.rvalue)] = Boundary(
                        kind, target, at=returned, annotated=declared is not None,
                        declared=declared,
                    )
                break
            if _mentions(first, returned.name):
                break


def _names_after(body: List[Any]) -> List[frozenset[str]]:
    """For each statement of ``body``, the names the statements after it mention (one
    visit per statement, however many annotated assignments the block has)."""
    out: List[frozenset[str]] = [frozenset()] * len(body)
    seen: frozenset[str] = frozenset()
    for j in range(len(body) - 1, -1, -1):
        out[j] = seen
        names = NameAndMemberCollector()
        body[j].accept(names)
        seen = seen | {n.name for n in names.name_exprs}
    return out


def _mentions(stmt: Any, name: str) -> bool:
    seen = NameAndMemberCollector()  # (mypy's own visitor, used as is)
    stmt.accept(seen)
    return any(n.name == name for n in seen.name_exprs)


def _index_tree(tree: MypyFile) -> Tuple[Dict[int, Boundary], Dict[int, Boundary]]:
    """Every expression of ``tree`` that is (part of) a returned, assigned or yielded value,
    and (second) every value assigned to a name that is returned or yielded next.

    A plain walk over statements (mypy's compiled visitors cannot be subclassed here).
    """
    found: Dict[int, Boundary] = {}
    later: Dict[int, Boundary] = {}

    def mark(e: Expression, where: Boundary) -> None:
        found[id(e)] = where
        if isinstance(e, ConditionalExpr):
            mark(e.if_expr, where)
            mark(e.else_expr, where)
        elif where.part is not None:
            return  # one level of container: an item's own items are not annotated alone
        elif isinstance(e, (TupleExpr, ListExpr, SetExpr)):
            kind = {TupleExpr: "tuple", ListExpr: "list", SetExpr: "set"}[type(e)]
            for i, item in enumerate(e.items):
                mark(item, replace(where, part=f"{kind} item {i}"))
        elif isinstance(e, DictExpr):
            for i, (_, item) in enumerate(e.items):
                mark(item, replace(where, part=f"dict entry {i}"))

    def value(e: Optional[Expression], where: Boundary) -> None:
        if e is None:
            return
        if isinstance(e, YieldExpr):
            if e.expr is not None:
                mark(e.expr, Boundary("yield"))
            return
        mark(e, where)

    stack: List[Any] = list(tree.defs)
    _returned_next(tree.defs, later)  # module level: ``h = ...; y: T = h``
    while stack:
        node = stack.pop()
        if isinstance(node, ReturnStmt):
            value(node.expr, Boundary("return"))
        elif isinstance(node, AssignmentStmt):
            target = _target_text(node.lvalues[0]) if len(node.lvalues) == 1 else None
            if isinstance(node.rvalue, YieldExpr):
                value(node.rvalue, Boundary("yield"))  # ``got = yield x``: x is yielded
            elif target is not None:
                where = Boundary(
                    "assign", target, lvalue=node.lvalues[0], annotated=node.type is not None
                )
                mark(node.rvalue, where)
        elif isinstance(node, ExpressionStmt):
            if isinstance(node.expr, YieldExpr):
                value(node.expr, Boundary("yield"))
        elif isinstance(node, Block):
            stack.extend(node.body)
            _returned_next(node.body, later)
        elif isinstance(node, (FuncDef, ClassDef)):
            stack.append(node.defs if isinstance(node, ClassDef) else node.body)
        elif isinstance(node, Decorator):
            stack.append(node.func)
        elif isinstance(node, OverloadedFuncDef):
            stack.extend(node.items)
            if node.impl is not None:
                stack.append(node.impl)
        elif isinstance(node, IfStmt):
            stack.extend(node.body)
            if node.else_body is not None:
                stack.append(node.else_body)
        elif isinstance(node, (ForStmt, WhileStmt)):
            stack.append(node.body)
            if node.else_body is not None:
                stack.append(node.else_body)
        elif isinstance(node, WithStmt):
            stack.append(node.body)
        elif isinstance(node, TryStmt):
            stack.append(node.body)
            stack.extend(node.handlers)
            stack.extend(b for b in (node.else_body, node.finally_body) if b is not None)
        elif isinstance(node, MatchStmt):
            stack.extend(node.bodies)
    return found, later


Index = Tuple[Dict[int, Boundary], Dict[int, Boundary]]

# The last few files' indexes; each entry keeps its tree alive, so the ids stay valid.
_INDEXES: Dict[int, Tuple[MypyFile, Index]] = {}
_KEEP = 8


def _index(tree: MypyFile) -> Index:
    hit = _INDEXES.get(id(tree))
    if hit is not None and hit[0] is tree:
        return hit[1]
    found = _index_tree(tree)
    if len(_INDEXES) >= _KEEP:
        del _INDEXES[next(iter(_INDEXES))]
    _INDEXES[id(tree)] = (tree, found)
    return found


def boundary_of(api: Any, node: object, returned_next: bool = False) -> Optional[Boundary]:
    """The boundary ``node`` (an expression of the file being checked) stands at, if any.

    With ``returned_next``, the boundary of a value assigned to a name the next statement
    returns or yields (``h = <node>; return h``).

    >>> boundary_of(object(), None) is None
    True
    """
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile) or node is None:
        return None
    return _index(tree)[1 if returned_next else 0].get(id(node))


def _function_declares(api: Any, kind: str) -> Optional[Type]:
    """What the enclosing function declares it returns (``kind`` "return") or yields."""
    scope = getattr(api, "scope", None)
    func = scope.current_function() if scope is not None else None
    ftype = getattr(func, "type", None)
    if not isinstance(func, FuncDef) or not isinstance(ftype, CallableType) or func.is_coroutine:
        return None
    if kind == "return":
        return None if func.is_generator else ftype.ret_type
    ret = get_proper_type(ftype.ret_type)
    if func.is_generator and isinstance(ret, Instance) and ret.args and ret.type.fullname in (
        "typing.Iterator", "typing.Iterable", "typing.Generator",
        "collections.abc.Iterator", "collections.abc.Iterable", "collections.abc.Generator",
    ):
        return ret.args[0]
    return None


def declared_tensor(expected: Type) -> Optional[Instance]:
    """The Tensor type an annotation asks for: ``Tensor[...]``, or the one Tensor of an
    ``Optional[Tensor[...]]``; ``None`` for anything else (nothing to say in shape words)."""
    p = get_proper_type(expected)
    if isinstance(p, UnionType):
        tensors = [get_proper_type(i) for i in p.items]
        others = [i for i in tensors if not isinstance(i, NoneType)]
        if len(others) != 1:
            return None
        p = others[0]
    if isinstance(p, Instance) and p.type.fullname == translate.TENSOR_FULLNAME:
        return p
    return None


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
    return messages.return_mismatch(annotated, got, axis, where.part)


def check_boundary(ctx: Any, result: Type) -> Type:
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

    >>> from mypy.types import AnyType, TypeOfAny
    >>> class Api:
    ...     type_context = [None]
    >>> class Ctx:
    ...     api = Api(); context = None
    >>> check_boundary(Ctx(), AnyType(TypeOfAny.special_form))  # no annotation here
    Any
    """
    contexts = getattr(ctx.api, "type_context", None)
    expected = contexts[-1] if contexts else None
    if expected is None:
        return _check_returned_next(ctx, result)
    declared = declared_tensor(expected)
    if declared is None:
        # Not a tensor annotation (a parameter's type widened to a union by a rebinding, say):
        # the value may still be returned later.
        return _check_returned_next(ctx, result)
    p = get_proper_type(result)
    if isinstance(p, UnionType) and all(translate.shape_of(m) is not None for m in p.items):
        # A union (a variable a loop rebinds): a member that fits may be the value, so only
        # a union no member of which fits is a proven mismatch (named by its first member).
        if any(is_subtype(m, declared) for m in p.items):
            return declared
        result = p.items[0]
    got = translate.shape_of(result)
    if got is None or is_subtype(result, declared):
        return result
    where = boundary_of(ctx.api, ctx.context)
    if where is None:
        return result
    if where.kind == "assign":
        origin = _target_type(ctx.api, where)
        if origin is None:
            # A name that takes the new type (a parameter under allow_redefinition:
            # ``x = self.fc(x)``); it may be returned later.
            return _check_returned_next(ctx, result)
        where = replace(where, kind="reassign") if origin == "inferred" else where
    return _compare(ctx, where, declared, got, result, ctx.context)


def _target_type(api: Any, where: Boundary) -> Optional[str]:
    """How an assignment's target got its type: ``"declared"`` (an annotation, here or where
    it was declared), ``"inferred"`` (from its first value: mypy passes that type as the
    context only where the target cannot be redefined) or ``None`` (cannot tell)."""
    if where.annotated:
        return "declared"
    target = where.lvalue
    node: Any = None
    if isinstance(target, NameExpr):
        node = target.node
    elif isinstance(target, MemberExpr):
        owner = api.lookup_type_or_none(target.expr) if hasattr(api, "lookup_type_or_none") else None
        if owner is None and isinstance(target.expr, NameExpr) and isinstance(target.expr.node, Var):
            owner = target.expr.node.type  # ``self`` (or a variable of a declared type)
        owner = get_proper_type(owner) if owner is not None else None
        if isinstance(owner, Instance):
            node = getattr(owner.type.get(target.name), "node", None)
    elif target is not None:
        return "declared"  # an item of a container: the container's declared type
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
    ctx: Any, where: Boundary, declared: Instance, got: Any, result: Type, at: Any
) -> Type:
    pattern = translate.shape_of(declared)
    if pattern is None:
        return result
    verdict = rigid_mismatch(pattern, got)
    if verdict == RIGID_UNKNOWN:
        return result  # variadic runs that cannot be aligned: mypy's own check decides
    if isinstance(verdict, Mismatch):
        ctx.api.fail(boundary_message(where, pattern, got, verdict.axis), at, code=SHAPE)
    # Otherwise the dims differ only where nothing can be proven (an unknown dim, a floor
    # division the algebra cannot decide): accepted, as any unknown dim is.
    return declared


def _check_returned_next(ctx: Any, result: Type) -> Type:
    got = translate.shape_of(result)
    if got is None:
        return result
    where = boundary_of(ctx.api, ctx.context, returned_next=True)
    if where is None:
        return result
    declares = where.declared if where.kind == "assign" else _function_declares(ctx.api, where.kind)
    declared = declared_tensor(declares) if declares is not None else None
    if declared is None or is_subtype(result, declared):
        return result
    return _compare(ctx, where, declared, got, result, where.at)


def boundary_hook() -> Callable[[Any], Type]:
    """A function/method hook that only checks boundaries (calls of user functions).

    >>> callable(boundary_hook())
    True
    """

    def hook(ctx: Any) -> Type:
        return check_boundary(ctx, ctx.default_return_type)

    return guarded("boundary check", hook, lambda ctx: ctx.default_return_type)


def boundary_attribute_hook() -> Callable[[Any], Type]:
    """An attribute hook that only checks boundaries (``return self.h``, ``y: T = m.w``).

    >>> callable(boundary_attribute_hook())
    True
    """

    def hook(ctx: Any) -> Type:
        return check_boundary(ctx, ctx.default_attr_type)

    return guarded("boundary check", hook, lambda ctx: ctx.default_attr_type)
