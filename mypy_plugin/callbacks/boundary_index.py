"""Which annotation boundary an expression stands at: an index of a file's AST.

A hook sees the node of the value it types (``ctx.context``), not the statement around it.
:func:`boundary_of` says whether that node is (part of) a value returned, assigned or yielded,
or a value assigned to a name that the next statement of its block returns, yields or
assigns to an annotated variable (``h = ...; return h``). The index is built once per file,
on first use, with a plain walk over statements (mypy's compiled visitors cannot be
subclassed here), and the last few files' indexes are kept.

>>> Boundary("assign", "h").kind
'assign'
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Dict, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS,
    AssignmentExpr,
    AssignmentStmt,
    Block,
    LambdaExpr,
    CallExpr,
    ListComprehension,
    ClassDef,
    ConditionalExpr,
    Decorator,
    DictExpr,
    DictionaryComprehension,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    GeneratorExpr,
    IfStmt,
    IndexExpr,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    ReturnStmt,
    SetComprehension,
    SetExpr,
    StarExpr,
    TryStmt,
    TupleExpr,
    WhileStmt,
    WithStmt,
    YieldExpr,
)
from mypy.traverser import NameAndMemberCollector
from mypy.types import Instance, Type, get_proper_type

from mypy_plugin.callbacks.inner_places import inner_places
from mypy_plugin.callbacks.lambda_boundaries import argument_of, lambda_return, subject
from mypy_plugin.statements import PerTree, assignment_before
from mypy_plugin.translate import TENSOR_FULLNAME

__all__ = ["Boundary", "boundary_of", "statement_boundary", "target_text"]

# How a message names a comprehension's element (its place, as a display's item is named).
_COMPREHENSIONS = {ListComprehension: "list comprehension", SetComprehension: "set comprehension",
                   GeneratorExpr: "generator"}


@dataclass(frozen=True)
class Boundary:
    """Where an expression's value meets an annotation: ``kind`` is ``"return"``,
    ``"assign"``, ``"reassign"`` (a target typed by its first value), ``"yield"``,
    ``"default"`` (a parameter's default; ``owner`` the function), ``"unpack"`` (a tuple
    unpacked into the targets ``lvalue`` holds: ``a, n = pair()``) or ``"lambda"`` (a
    lambda's body: ``target`` is how the message names the lambda's place, ``Value assigned
    to "f"``, ``Return value``, ``Argument "f" of "apply"``: lambda_boundaries.py); ``target`` the assigned name or the
    parameter; ``part`` its place in a container display (``"tuple item 1"``, ``"list item
    0"``, ``"dict entry 2"``, ``"set item"``).

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
    # Where mypy reports this boundary itself, when not at the value: a yield's expression.
    reported_at: Optional[Expression] = None
    # For a parameter's default: the function's name.
    owner: str = ""


def target_text(e: Expression) -> Optional[str]:
    """How a message names an assignment's target: ``h``, ``self.h``, ``xs[...]``.

    >>> target_text(NameExpr("h"))
    'h'
    """
    if isinstance(e, NameExpr):
        return e.name
    if isinstance(e, MemberExpr):
        owner = target_text(e.expr)
        return f"{owner}.{e.name}" if owner is not None else None
    if isinstance(e, IndexExpr):
        owner = target_text(e.base)
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
        reported_at: Optional[Expression] = None
        if isinstance(stmt, ReturnStmt):
            returned, kind = stmt.expr, "return"
        elif isinstance(stmt, ExpressionStmt) and isinstance(stmt.expr, YieldExpr):
            returned, kind, reported_at = stmt.expr.expr, "yield", stmt.expr
        elif (
            isinstance(stmt, AssignmentStmt)
            and stmt.type is not None
            and len(stmt.lvalues) == 1
            and isinstance(stmt.rvalue, NameExpr)
        ):
            returned, kind, declared = stmt.rvalue, "assign", stmt.type
            target = target_text(stmt.lvalues[0]) or ""
            if later_names is None:
                later_names = _names_after(body)
            if not target or stmt.rvalue.name in later_names[j]:
                continue  # ``h`` is read again: the type it would be given must stay its own
        else:
            continue
        if not isinstance(returned, NameExpr):
            continue
        first = assignment_before(body, j, returned.name)
        if first is not None and first.type is None:
            found[id(first.rvalue)] = Boundary(
                kind, target, at=returned, annotated=declared is not None,
                declared=declared, reported_at=reported_at,
            )


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


def _index_tree(tree: MypyFile) -> Tuple[Dict[int, Boundary], Dict[int, Boundary]]:
    """Every expression of ``tree`` that is (part of) a returned, assigned or yielded value,
    and (second) every value assigned to a name that is returned or yielded next.

    A plain walk over statements (mypy's compiled visitors cannot be subclassed here).
    """
    found: Dict[int, Boundary] = {}
    later: Dict[int, Boundary] = {}

    def mark(e: Expression, where: Boundary, depth: int = 0) -> None:
        found[id(e)] = where
        if depth > 8:
            return
        # An item's place reads innermost first: ``list item 0 of dict entry 1``.
        outer = f" of {where.part}" if where.part else ""
        if isinstance(e, CallExpr) and isinstance(e.analyzed, DictExpr):
            e = e.analyzed  # ``dict(h=x)``: mypy checks it as the display ``{"h": x}``
        if isinstance(e, ConditionalExpr):
            mark(e.if_expr, where, depth + 1)
            mark(e.else_expr, where, depth + 1)
        elif isinstance(e, SetExpr):
            # A set's items have no place a run can name (its order is not the display's).
            for item in e.items:
                mark(item, replace(where, part=f"set item{outer}"), depth + 1)
        elif isinstance(e, (TupleExpr, ListExpr)):
            kind = "tuple" if isinstance(e, TupleExpr) else "list"
            for i, item in enumerate(e.items):
                mark(item, replace(where, part=f"{kind} item {i}{outer}"), depth + 1)
        elif isinstance(e, DictExpr):
            for i, (_, item) in enumerate(e.items):
                mark(item, replace(where, part=f"dict entry {i}{outer}"), depth + 1)
        elif isinstance(e, (ListComprehension, SetComprehension, GeneratorExpr)):
            # (``return [head(x) for head in heads]``: mypy checks the element against the
            # item type, with it as the element's type context.)
            kind = _COMPREHENSIONS[type(e)]
            element = e.left_expr if isinstance(e, GeneratorExpr) else e.generator.left_expr
            mark(element, replace(where, part=f"{kind} item{outer}"), depth + 1)
        elif isinstance(e, DictionaryComprehension):
            mark(e.value, replace(where, part=f"dict comprehension value{outer}"), depth + 1)
        elif isinstance(e, CallExpr) and _container_call(e):
            # ``tuple(h for ...)``, ``set([h])``: the constructor's type variable is taken from
            # the annotation, so mypy checks each item against the annotation's item type.
            kind, arg = _CONTAINER_CALLS[e.callee.fullname], e.args[0]  # type: ignore[attr-defined]
            if isinstance(arg, (ListExpr, TupleExpr, SetExpr)):
                for i, item in enumerate(arg.items):
                    place = f"{kind} item" if kind == "set" else f"{kind} item {i}"
                    mark(item, replace(where, part=f"{place}{outer}"), depth + 1)
            else:
                # A comprehension (its element meets the item type); any other value (``map(
                # lambda t: ..., xs)``) meets it through the call: a lambda given to it may
                # return what the annotation's item type asks (lambda_boundaries.py).
                mark(arg, where, depth + 1)
        elif isinstance(e, LambdaExpr) and where.kind != "lambda":
            # (``return lambda x: head(x)`` for ``-> Callable[..., Tensor[B, 4]]``: mypy checks
            # the body's value against the annotation's return type: lambda_boundaries.py)
            body = lambda_return(e)
            said = subject(where.kind, where.target, where.part, where.annotated, where.owner)
            if body is not None and said is not None:
                mark(body, Boundary("lambda", said), depth + 1)  # (``lambda: [h]``: its items)

    def value(e: Optional[Expression], where: Boundary) -> None:
        if e is None:
            return
        if isinstance(e, YieldExpr):
            if e.expr is not None:
                mark(e.expr, Boundary("yield", reported_at=e))
            return
        mark(e, where)

    stack: List[Any] = list(tree.defs)
    _returned_next(tree.defs, later)  # module level: ``h = ...; y: T = h``
    while stack:
        node = stack.pop()
        if isinstance(node, ReturnStmt):
            value(node.expr, Boundary("return"))
        elif isinstance(node, AssignmentStmt):
            target = target_text(node.lvalues[0]) if len(node.lvalues) == 1 else None
            if isinstance(node.rvalue, YieldExpr):
                value(node.rvalue, Boundary("yield"))  # ``got = yield x``: x is yielded
            elif target is not None:
                where = Boundary(
                    "assign", target, lvalue=node.lvalues[0], annotated=node.type is not None
                )
                mark(node.rvalue, where)  # (``f: Callable[..., Tensor[B, 2]] = lambda x: ...``)
            elif len(node.lvalues) == 1 and isinstance(node.lvalues[0], (TupleExpr, ListExpr)):
                _unpacked(node.lvalues[0], node.rvalue, mark, found)
        elif isinstance(node, OperatorAssignmentStmt):
            target = target_text(node.lvalue)
            if node.op == "+" and target is not None:
                # ``ys += [h]`` on a list declared with its item's shape: mypy checks each item
                # against it (``ys.extend([h])``'s words).
                where = Boundary("assign", target, lvalue=node.lvalue)
                if isinstance(node.rvalue, (ListExpr, TupleExpr)):
                    for i, item in enumerate(node.rvalue.items):
                        mark(item, replace(where, part=f"extended item {i}"))
                elif isinstance(node.rvalue, (ListComprehension, GeneratorExpr)):
                    mark(node.rvalue, where)
        elif isinstance(node, ExpressionStmt):
            if isinstance(node.expr, YieldExpr):
                value(node.expr, Boundary("yield"))
        elif isinstance(node, Block):
            stack.extend(node.body)
            _returned_next(node.body, later)
        elif isinstance(node, (FuncDef, ClassDef)):
            stack.append(node.defs if isinstance(node, ClassDef) else node.body)
            if isinstance(node, FuncDef):
                for arg in node.arguments:
                    if arg.initializer is not None:
                        mark(arg.initializer, Boundary(
                            "default", arg.variable.name, owner=_qualname(tree, node)))
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


# Calls that build a container of their one argument's items, as a message names them (a
# set's items have no place a run can name: its order is not the argument's).
_CONTAINER_CALLS = {"builtins.tuple": "tuple", "builtins.list": "list", "builtins.set": "set",
                    "builtins.frozenset": "set"}


def _container_call(e: CallExpr) -> bool:
    """``tuple(<one argument>)``, ``list(...)``, ``set(...)``, ``frozenset(...)``."""
    return (isinstance(e.callee, NameExpr) and e.callee.fullname in _CONTAINER_CALLS
            and len(e.args) == 1 and e.arg_kinds[0] == ARG_POS)


def _qualname(tree: MypyFile, func: FuncDef) -> str:
    """How ``@tf.shapecheck`` and the call checks name ``func``: ``Model.forward``, ``f``."""
    prefix = tree.fullname + "."
    full = func.fullname or func.name
    return full[len(prefix):] if full.startswith(prefix) else func.name


def _unpacked(targets: Any, rvalue: Expression, mark: Any, found: Dict[int, Boundary]) -> None:
    """``a, n = <rvalue>``: mypy checks each item of a display of as many items against its
    target (``a, n = x, 1``: the item is assigned to ``a``), and any other value as a tuple
    whose items meet the targets' types (``a, n = pair()``: ``"unpack"``). A starred target
    is left to mypy."""
    lvalues = targets.items
    if any(isinstance(lv, StarExpr) for lv in lvalues):
        return
    if isinstance(rvalue, (TupleExpr, ListExpr)):
        if len(rvalue.items) != len(lvalues) or any(isinstance(i, StarExpr) for i in rvalue.items):
            return
        for lv, rv in zip(lvalues, rvalue.items):
            name = target_text(lv)
            if name is not None:
                mark(rv, Boundary("assign", name, lvalue=lv))
            elif isinstance(lv, (TupleExpr, ListExpr)):
                _unpacked(lv, rv, mark, found)
        return
    found[id(rvalue)] = Boundary("unpack", lvalue=targets)


Index = Tuple[Dict[int, Boundary], Dict[int, Boundary]]

# The last few files' indexes (read again when the daemon gives a file new statements).
_index = PerTree(_index_tree, keep=8)


def boundary_of(api: Any, node: object, returned_next: bool = False) -> Optional[Boundary]:
    """The boundary ``node`` (an expression of the file being checked) stands at, if any.

    With ``returned_next``, the boundary of a value assigned to a name the next statement
    returns or yields (``h = <node>; return h``).

    A value the statement index has no boundary for may stand at one inside an expression:
    a walrus's value (assigned to its target) or a lambda argument's return (met by the
    parameter's ``Callable``): :func:`_inner`. Every caller may get those, not only
    ``check_boundary``: a walrus is an assignment as any other (the layer and tensor
    callers, ``replaced_layers``/``resized_layers``/``reduced_values``, ask which name a
    value is assigned to; a ``"lambda"`` boundary is no kind they take), and
    ``generic_context`` needs them to infer a generic call's type variables from its
    arguments there (``(h := first([tf.zeros(2, 5)]))`` for a declared ``h``, a
    ``field(default_factory=lambda: first(...))``: else mypy's ``[list-item]`` in
    ``Literal`` words; tests/typecheck/case_boundaries_inner_generic.py). The walk is asked
    only with a ``Tensor`` type context (where a value can differ from it: the layer, Chain
    and generic-class callers never have one) and built once per file.

    >>> boundary_of(object(), None) is None
    True
    """
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile) or node is None:
        return None
    found = _index(tree)[1].get(id(node)) if returned_next else statement_boundary(tree, node)
    if found is None and not returned_next and _tensor_context(api):
        found = _inner(api, tree, node)  # (a walrus's value, a lambda argument's return)
    return found


def statement_boundary(tree: MypyFile, node: object) -> Optional[Boundary]:
    """The boundary ``node`` stands at by its statement alone (a return, a yield, an annotated
    assignment, an item of a display there): the index's answer, with none of
    :func:`boundary_of`'s walks inside expressions.

    >>> statement_boundary(MypyFile([], []), None) is None
    True
    """
    return _index(tree)[0].get(id(node))


def _tensor_context(api: Any) -> bool:
    """Whether the value being typed has a ``Tensor[...]`` as its type context (the only
    context an inner boundary is looked for in): the cheap test before a walk of the file."""
    contexts = getattr(api, "type_context", None)
    context = get_proper_type(contexts[-1]) if contexts else None
    return isinstance(context, Instance) and context.type.fullname == TENSOR_FULLNAME


def _inner(api: Any, tree: MypyFile, node: object) -> Optional[Boundary]:
    """The boundary of a value inside an expression (callbacks/inner_places.py): a walrus's
    (``(h := layer(x))``: assigned to ``h``), or a lambda's given as an argument (``field(
    default_factory=lambda: tf.zeros(2, 8))``), when its parameter's annotation asks for it:
    the callee's own, or its result's type variable where the call meets an annotation."""
    place = inner_places(tree).get(id(node))
    walrus = place[0] if place is not None else None
    if isinstance(walrus, AssignmentExpr):
        return Boundary("assign", walrus.target.name, lvalue=walrus.target)
    hit = argument_of(api, tree, node)  # (the lambda's value, or an item of its display)
    if hit is None:
        return None
    call, said, needs_boundary, part = hit
    if needs_boundary:
        outer = statement_boundary(tree, call)
        if outer is None or subject(
                outer.kind, outer.target, outer.part, outer.annotated, outer.owner) is None:
            return None
    return Boundary("lambda", said, part=part)
