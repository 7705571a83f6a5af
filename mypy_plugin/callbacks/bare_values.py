"""Which two types mypy compared at a bare name, or a tuple or list display holding them.

mypy's error at ``return x`` (``Incompatible return value type (got "...", expected
"...")``) names the two types in words only. :func:`bare_name` finds the statement at the
error's position in the module's tree, the annotation the value meets (the function's return
or yield type, the assignment's annotation) and the types mypy may have given the value: the
tensor types the function's parameter annotations hold, the types hooks gave the values
assigned to that name (``callbacks/reworded.py`` notes them), and for a tuple display the
type a hook gave an item it could not report. A candidate is used only when mypy's words for
it are exactly the words in the message, so it is the type mypy compared; the answer is the
boundary's words (``Return shape Tensor[B, 64] (tuple item 0) does not match ...``) when the
shapes provably differ, ``None`` otherwise.

>>> bare_name.__name__
'bare_name'
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, List, Optional, Sequence, Tuple

from mypy.nodes import (
    AssignmentStmt,
    Block,
    ClassDef,
    Decorator,
    Expression,
    ForStmt,
    FuncDef,
    IfStmt,
    ListExpr,
    MatchStmt,
    NameExpr,
    OverloadedFuncDef,
    Statement,
    TryStmt,
    TupleExpr,
    WhileStmt,
    WithStmt,
)
from mypy.traverser import all_return_statements, all_yield_expressions
from mypy.types import CallableType, Instance, TupleType, Type, UnionType, get_proper_type

from mypy_plugin import translate
from typedflux.shapes.bind import Mismatch, rigid_mismatch

__all__ = ["bare_name", "bare_list_item", "FORMS", "said_for"]

# How mypy words the three boundaries, for two types in its own formatting.
FORMS = {
    "return-value": "Incompatible return value type (got {got}, expected {declared})",
    "assignment": "Incompatible types in assignment (expression has type {got}, variable has type {declared})",
    "misc": 'Incompatible types in "yield" (actual type {got}, expected type {declared})',
}


def said_for(
    code: str, message: str, got: Type, declared: Type, options: Any, words: str
) -> Optional[str]:
    """``words`` if ``message`` is exactly mypy's ``code`` error for ``got`` and ``declared``;
    ``None`` otherwise (then the types are not the ones mypy compared).

    >>> said_for("no-such-code", "", None, None, None, "x")  # type: ignore[arg-type]
    """
    from mypy.messages import format_type_distinctly

    form = FORMS.get(code)
    if form is None:
        return None
    g, d = format_type_distinctly(got, declared, options=options)
    return words if message == form.format(got=g, declared=d) else None


def bare_name(state: Any, code: str, info: Any) -> Optional[str]:
    """Our words for mypy's error at a bare name returned, yielded or assigned to an
    annotated variable, or ``None``."""
    from mypy_plugin.callbacks.boundary_index import Boundary

    tree = state.modules.get(info.module or "")
    if tree is None:
        return None
    func = _innermost_function(tree.defs, info.line)
    ftype = getattr(func, "type", None) if func is not None else None
    if func is not None and not isinstance(ftype, CallableType):
        return None
    at = (info.line, info.column)
    if code == "assignment":
        for stmt in _statements(func.body.body if func is not None else tree.defs):
            if (
                isinstance(stmt, AssignmentStmt)
                and stmt.type is not None
                and len(stmt.lvalues) == 1
                and isinstance(stmt.lvalues[0], NameExpr)
                and (stmt.rvalue.line, stmt.rvalue.column) == at
            ):
                where = Boundary("assign", stmt.lvalues[0].name)
                return _value(state, info, func, stmt.rvalue, stmt.type, where)
        return None
    if func is None or not isinstance(ftype, CallableType) or func.is_coroutine:
        return None
    if code == "return-value" and not func.is_generator:
        for ret in all_return_statements(func):
            e = ret.expr
            if e is not None and (e.line, e.column) == at:
                return _value(state, info, func, e, ftype.ret_type, Boundary("return"))
    if code == "misc" and func.is_generator:
        declared = _yielded(ftype.ret_type)
        for y, _ in all_yield_expressions(func):
            if y.expr is not None and (y.line, y.column) == at and declared:
                return _value(state, info, func, y.expr, declared, Boundary("yield"))
    return None


def _value(
    state: Any,
    info: Any,
    func: Optional[FuncDef],
    value: Expression,
    declared: Type,
    where: Any,
) -> Optional[str]:
    """Our words for a bare name or a tuple display of them at ``where``, or ``None``."""
    if isinstance(value, NameExpr):
        return _named(state, info, func, value, declared, where)
    if isinstance(value, TupleExpr):
        return _tuple_items(state, info, func, value, declared, where)
    return None


_LIST_ITEM = re.compile(r'List item (\d+) has incompatible type "(.*)"; expected "(.*)"')


def bare_list_item(state: Any, info: Any) -> Optional[str]:
    """Our words for mypy's ``list-item`` error at a bare name in a list display that is
    returned, yielded or assigned to an annotated variable (``return [h, x]``), or ``None``.

    >>> class Info:
    ...     message = "not mypy's list-item words"
    >>> bare_list_item(None, Info()) is None  # (the real ones: tests/typecheck)
    True
    """
    from mypy_plugin.callbacks.boundary_index import Boundary

    m = _LIST_ITEM.fullmatch(getattr(info, "message", "") or "")
    if m is None:
        return None
    tree = state.modules.get(info.module or "")
    if tree is None:
        return None
    func = _innermost_function(tree.defs, info.line)
    ftype = getattr(func, "type", None) if func is not None else None
    if func is not None and not isinstance(ftype, CallableType):
        return None
    shown: List[Tuple[Expression, Type, Any]] = []  # (value, annotation, boundary)
    for stmt in _statements(func.body.body if func is not None else tree.defs):
        if (
            isinstance(stmt, AssignmentStmt)
            and stmt.type is not None
            and len(stmt.lvalues) == 1
            and isinstance(stmt.lvalues[0], NameExpr)
        ):
            shown.append((stmt.rvalue, stmt.type, Boundary("assign", stmt.lvalues[0].name)))
    if func is not None and isinstance(ftype, CallableType) and not func.is_coroutine:
        if not func.is_generator:
            for ret in all_return_statements(func):
                if ret.expr is not None:
                    shown.append((ret.expr, ftype.ret_type, Boundary("return")))
        declared = _yielded(ftype.ret_type)
        for y, _ in all_yield_expressions(func):
            if y.expr is not None and declared is not None:
                shown.append((y.expr, declared, Boundary("yield")))
    k = int(m.group(1))
    for value, annotation, where in shown:
        if not isinstance(value, ListExpr) or k >= len(value.items):
            continue
        item = value.items[k]
        if not isinstance(item, NameExpr) or (item.line, item.column) != (info.line, info.column):
            continue
        want = get_proper_type(annotation)
        if not isinstance(want, Instance) or len(want.args) != 1:
            return None
        return _item_words(state, info, func, item, want.args[0], m.group(2), m.group(3),
                           replace(where, part=f"list item {k}"))
    return None


def _item_words(
    state: Any,
    info: Any,
    func: Optional[FuncDef],
    item: NameExpr,
    declared: Type,
    got_words: str,
    want_words: str,
    where: Any,
) -> Optional[str]:
    from mypy.messages import format_type_distinctly

    from mypy_plugin.callbacks.boundaries import boundary_message

    pattern = translate.shape_of(declared)
    if pattern is None:
        return None
    for got_type in _candidates(state, func, item):
        got = translate.shape_of(got_type)
        if got is None:
            continue
        g, d = format_type_distinctly(got_type, declared, options=state.options)
        if (g, d) != (f'"{got_words}"', f'"{want_words}"'):
            continue
        verdict = rigid_mismatch(pattern, got)
        if isinstance(verdict, Mismatch):
            return boundary_message(where, pattern, got, verdict.axis)
    return None


def _yielded(ret: Type) -> Optional[Type]:
    """The item type a generator's annotation declares (``Iterator[T]``: ``T``)."""
    p = get_proper_type(ret)
    if isinstance(p, Instance) and p.args and p.type.fullname in _GENERATORS:
        return p.args[0]
    return None


_GENERATORS = frozenset({
    "typing.Iterator", "typing.Iterable", "typing.Generator",
    "collections.abc.Iterator", "collections.abc.Iterable", "collections.abc.Generator",
})


def _named(
    state: Any,
    info: Any,
    func: Optional[FuncDef],
    name: NameExpr,
    declared: Type,
    where: Any,
) -> Optional[str]:
    """Our words for ``name`` against ``declared``, with the type mypy gave ``name`` one of
    the candidates (a parameter's annotation, a value a hook typed) whose words are mypy's."""
    from mypy_plugin.callbacks.boundaries import boundary_message

    pattern = translate.shape_of(declared)
    if pattern is None:
        return None
    for got_type in _candidates(state, func, name):
        got = translate.shape_of(got_type)
        if got is None:
            continue
        verdict = rigid_mismatch(pattern, got)
        if not isinstance(verdict, Mismatch):
            continue
        words = boundary_message(where, pattern, got, verdict.axis)
        said = said_for(info.code.code, info.message, got_type, declared, state.options, words)
        if said is not None:
            return said
    return None


def _candidates(state: Any, func: Optional[FuncDef], name: NameExpr) -> List[Type]:
    """The types mypy may have given ``name``: every tensor type the function's parameter
    annotations hold (the parameter itself; a loop variable over a ``List[Tensor[B, 32]]``
    parameter has that item type), and the types hooks gave the values assigned to it."""
    candidates: List[Type] = []
    ftype = getattr(func, "type", None)
    if func is not None and isinstance(ftype, CallableType):
        for t in ftype.arg_types:
            _tensor_types(t, candidates)
    noted = state.values.get(id(name.node))
    if noted is not None and noted[0] is name.node:
        candidates.extend(noted[1])
    return candidates


# mypy's words for each boundary, with the two types' words as groups.
_WORDED = {
    code: re.compile(re.escape(form).replace(re.escape("{got}"), '"(.*)"').replace(
        re.escape("{declared}"), '"(.*)"'))
    for code, form in FORMS.items()
}


def _tuple_items(
    state: Any,
    info: Any,
    func: Optional[FuncDef],
    value: TupleExpr,
    declared: Type,
    where: Any,
) -> Optional[str]:
    """Our words for mypy's error at a tuple display (``return h, c``, ``yield xb, yb``)
    whose items differ from the annotation's only at tensors of other shapes the plugin
    knows (bare names, or an operator a hook typed): the first such item, as ``tuple item
    k``. mypy words the whole tuple's type, so each item's words are read from its message
    and matched against the candidates' words."""
    from mypy.messages import format_type_bare

    from mypy_plugin.callbacks.boundaries import boundary_message

    want = get_proper_type(declared)
    m = _WORDED[info.code.code].fullmatch(info.message)
    if not isinstance(want, TupleType) or m is None:
        return None
    got_items, want_items = _tuple_words(m.group(1)), _tuple_words(m.group(2))
    n = len(value.items)
    if not (len(want.items) == len(got_items) == len(want_items) == n):
        return None
    first: Optional[str] = None
    for k, (item, got_words, want_words) in enumerate(zip(value.items, got_items, want_items)):
        if got_words == want_words:
            continue
        declared_k = want.items[k]
        pattern = translate.shape_of(declared_k)
        if pattern is None:
            return None  # a difference the plugin cannot say in shape words
        if format_type_bare(declared_k, state.options) != want_words:
            return None
        words: Optional[str] = None
        noted = state.items.get((item.line, item.column))
        candidates = [noted] if noted is not None else []
        if isinstance(item, NameExpr):
            candidates += _candidates(state, func, item)
        for got_type in candidates:
            got = translate.shape_of(got_type)
            if got is None or format_type_bare(got_type, state.options) != got_words:
                continue
            verdict = rigid_mismatch(pattern, got)
            if isinstance(verdict, Mismatch):
                part = replace(where, part=f"tuple item {k}")
                words = boundary_message(part, pattern, got, verdict.axis)
                break
        if words is None:
            return None
        first = first or words
    return first


def _tuple_words(text: str) -> List[str]:
    """The items' words of mypy's words for a tuple type (``tuple[A, B]``); ``[]`` if not."""
    if not (text.startswith("tuple[") and text.endswith("]")):
        return []
    items: List[str] = []
    depth, start = 0, len("tuple[")
    for i in range(start, len(text) - 1):
        c = text[i]
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == "," and depth == 0:
            items.append(text[start:i].strip())
            start = i + 1
    items.append(text[start:len(text) - 1].strip())
    return items


def _tensor_types(t: Type, out: List[Type], depth: int = 0) -> None:
    """The tensor types in ``t`` (itself, or inside a container's or a union's arguments)."""
    p = get_proper_type(t)
    if depth > 4:
        return
    if translate.is_tensor(p):
        if p not in out:
            out.append(p)
    elif isinstance(p, Instance):
        for a in p.args:
            _tensor_types(a, out, depth + 1)
    elif isinstance(p, (TupleType, UnionType)):
        for a in p.items:
            _tensor_types(a, out, depth + 1)


def _statements(body: Sequence[Statement]) -> List[Statement]:
    """Every statement of ``body`` and of the blocks nested in it, functions and classes
    excepted (they are their own scopes)."""
    out: List[Statement] = []
    stack = list(body)
    while stack:
        stmt = stack.pop()
        out.append(stmt)
        if not isinstance(stmt, (FuncDef, ClassDef, Decorator, OverloadedFuncDef)):
            stack.extend(_blocks(stmt))
    return out


def _innermost_function(body: Sequence[Statement], line: int) -> Optional[FuncDef]:
    """The innermost function of ``body`` whose lines hold ``line``."""
    for stmt in body:
        end = stmt.end_line if stmt.end_line is not None else stmt.line
        if not stmt.line <= line <= end and not isinstance(stmt, (Decorator, OverloadedFuncDef)):
            continue
        found: Optional[FuncDef] = None
        if isinstance(stmt, FuncDef):
            found = _innermost_function(stmt.body.body, line) or stmt
        elif isinstance(stmt, Decorator):
            found = _innermost_function([stmt.func], line)
        elif isinstance(stmt, OverloadedFuncDef):
            parts: List[Statement] = list(stmt.items)
            if stmt.impl is not None:
                parts.append(stmt.impl)
            found = _innermost_function(parts, line)
        else:
            found = _innermost_function(_blocks(stmt), line)
        if found is not None:
            return found
    return None


def _blocks(stmt: Statement) -> List[Statement]:
    """The statements nested in a compound statement (a class body, branches, loops)."""
    out: List[Statement] = []
    blocks: List[Optional[Block]] = []
    if isinstance(stmt, ClassDef):
        blocks = [stmt.defs]
    elif isinstance(stmt, IfStmt):
        blocks = [*stmt.body, stmt.else_body]
    elif isinstance(stmt, (ForStmt, WhileStmt)):
        blocks = [stmt.body, stmt.else_body]
    elif isinstance(stmt, WithStmt):
        blocks = [stmt.body]
    elif isinstance(stmt, TryStmt):
        blocks = [stmt.body, *stmt.handlers, stmt.else_body, stmt.finally_body]
    elif isinstance(stmt, MatchStmt):
        blocks = list(stmt.bodies)
    elif isinstance(stmt, Block):
        blocks = [stmt]
    for b in blocks:
        if b is not None:
            out.extend(b.body)
    return out
