"""Which two types mypy compared at a bare name, a tuple display holding them, or a
conditional expression's branches.

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

import itertools
import re
from dataclasses import replace
from typing import Any, Callable, List, Optional, Sequence, Tuple

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ConditionalExpr,
    Decorator,
    Expression,
    ForStmt,
    FuncDef,
    NameExpr,
    OverloadedFuncDef,
    Statement,
    TupleExpr,
    Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.traverser import all_return_statements, all_yield_expressions
from mypy.types import (
    CallableType,
    Instance,
    NoneType,
    TupleType,
    Type,
    UnionType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.bare_boundaries import FORMS, declared_values, meets, says, verdict_at
from mypy_plugin.callbacks.common import top_level_words
from mypy_plugin.callbacks.declared_types import optional_member
from mypy_plugin.callbacks.grown_names import grown, joined_mismatch
from mypy_plugin.callbacks.loop_accumulators import accumulated
from mypy_plugin.statements import nested, walk
from typedflux.shapes.bind import Mismatch, rigid_mismatch

__all__ = ["bare_name", "FORMS", "said_for", "says", "loop_rebound"]

def said_for(
    code: str, message: str, got: Type, declared: Type, options: Any, words: str
) -> Optional[str]:
    """``words`` if ``message`` is exactly mypy's ``code`` error for ``got`` and ``declared``;
    ``None`` otherwise (then the types are not the ones mypy compared).

    >>> said_for("no-such-code", "", None, None, None, "x")  # type: ignore[arg-type]
    """
    return words if says(code, message, got, declared, options) else None


def bare_name(state: Any, code: str, info: Any) -> Optional[str]:
    """Our words for mypy's error at a bare name returned, yielded or assigned to an
    annotated variable, or ``None``."""
    kind = _KINDS.get(code)
    scope = _scope(state, info)
    if kind is None or scope is None:
        return None
    func = scope[1]
    for value, declared, where in _annotated_values(*scope):
        reported = where.reported_at or value
        if meets(kind, where.kind) and (reported.line, reported.column) == (info.line, info.column):
            return _value(state, info, func, value, declared, where)
    return None


def loop_rebound(state: Any, code: str, info: Any) -> bool:
    """Whether mypy's error at a bare name meeting a tensor annotation (``return x``) is
    about a tensor a loop rebinds through its own variable (``for layer in self.layers: x =
    layer(x)``; ``layer.forward(x)``; ``x = self.layers[i](x)`` in a loop over ``range``):
    each pass may change the shape, so mypy's type there (the name's first type, or a union
    with it) proves nothing, and the error, in mypy's words or ours, would be a false alarm
    on a correct model. So is one about a name a loop rebinds otherwise, in a function or
    at module level, whose union has a member of unknown sizes that fits the annotation
    (``grown_names.py``). Any other error (a tensor returned for an ``int``) is
    kept."""
    kind = _KINDS.get(code)
    scope = _scope(state, info)
    if kind is None or scope is None:
        return False
    tree, func = scope
    for value, declared, where in _annotated_values(*scope):
        reported = where.reported_at or value
        if where.kind == kind and (reported.line, reported.column) == (info.line, info.column):
            if not (isinstance(value, NameExpr) and isinstance(value.node, Var)
                    and translate.shape_of(declared) is not None
                    and _all_tensors(value.node.type)):
                return False
            if func is not None and (_rebound_by_loop_variable(func, value.node)
                                     or accumulated(func, value.node, declared)):
                return True
            return grown(func.body.body if func is not None else tree.defs, value.node, declared)
    return False


def _all_tensors(t: Optional[Type]) -> bool:
    p = get_proper_type(t) if t is not None else None
    if p is None:
        return False
    items: Sequence[Type] = p.items if isinstance(p, UnionType) else [p]
    return all(translate.is_tensor(i) for i in items)


def _rebound_by_loop_variable(func: FuncDef, var: Var) -> bool:
    for loop in walk(func.body.body, scopes=False):
        if not isinstance(loop, ForStmt):
            continue
        index = {n.node for n in get_subexpressions(loop.index) if isinstance(n, NameExpr)}
        for st in walk(loop.body.body, scopes=False):
            if isinstance(st, AssignmentStmt) and any(
                    isinstance(lv, NameExpr) and lv.node is var for lv in st.lvalues) and any(
                    isinstance(c, CallExpr) and any(
                        isinstance(n, NameExpr) and n.node in index
                        for n in get_subexpressions(c.callee))
                    for c in get_subexpressions(st.rvalue)):
                return True
    return False


# The boundary each of mypy's codes reports.
_KINDS = {"assignment": "assign", "return-value": "return", "misc": "yield"}


def _scope(state: Any, info: Any) -> Optional[Tuple[Any, Optional[FuncDef]]]:
    """The module's tree and the innermost function holding the error's line (``None`` at
    module level); ``None`` when the module is not in this run or the function is untyped."""
    tree = state.modules.get(info.module or "")
    if tree is None:
        return None
    func = _innermost_function(tree.defs, info.line)
    if func is not None and not isinstance(getattr(func, "type", None), CallableType):
        return None
    return tree, func


def _annotated_values(tree: Any, func: Optional[FuncDef]) -> List[Tuple[Expression, Type, Any]]:
    """Each value that meets an annotation in ``func`` (the module's own statements if
    ``None``), with that annotation and the boundary: the value of an annotated assignment
    to a name, a return (not in a generator or coroutine), a yield (mypy reports a yield's
    error at the ``yield``: the boundary's ``reported_at``)."""
    from mypy_plugin.callbacks.boundary_index import Boundary

    out: List[Tuple[Expression, Type, Any]] = []
    statements = walk(func.body.body if func is not None else tree.defs, scopes=False)
    for stmt in statements:
        if (
            isinstance(stmt, AssignmentStmt)
            and stmt.type is not None
            and len(stmt.lvalues) == 1
            and isinstance(stmt.lvalues[0], NameExpr)
        ):
            out.append((stmt.rvalue, stmt.type, Boundary("assign", stmt.lvalues[0].name)))
    out += declared_values(func, statements, tree.fullname)  # (defaults, declared names)
    ftype = func.type if func is not None else None
    if func is None or not isinstance(ftype, CallableType):
        return out
    # ``async def f() -> T``: mypy's signature returns ``Coroutine[Any, Any, T]`` and reports
    # a return against ``T``. A generator's returns meet no annotation of their own.
    returned = None if func.is_generator else (
        _awaited(ftype.ret_type) if func.is_coroutine else ftype.ret_type)
    if returned is not None:
        for ret in all_return_statements(func):
            if ret.expr is not None:
                out.append((ret.expr, returned, Boundary("return")))
    if func.is_coroutine:
        return out  # (an async generator's yields are not read)
    declared = _yielded(ftype.ret_type)
    for y, _ in all_yield_expressions(func):
        if y.expr is not None and declared is not None:
            out.append((y.expr, declared, Boundary("yield", reported_at=y)))
    return out


def _value(
    state: Any,
    info: Any,
    func: Optional[FuncDef],
    value: Expression,
    declared: Type,
    where: Any,
) -> Optional[str]:
    """Our words for a bare name or a tuple display of them at ``where``, or ``None``."""
    if isinstance(value, NameExpr) and isinstance(get_proper_type(declared), CallableType):
        from mypy_plugin.callbacks.assigned_functions import assigned_function

        return assigned_function(state, info, value, declared, where)
    if isinstance(value, NameExpr):
        return _named(state, info, func, value, declared, where)
    if isinstance(value, TupleExpr):
        return _tuple_items(state, info, func, value, declared, where)
    if isinstance(value, ConditionalExpr):
        return _branches(state, info, func, value, declared, where)
    return None


def _branches(
    state: Any,
    info: Any,
    func: Optional[FuncDef],
    value: ConditionalExpr,
    declared: Type,
    where: Any,
) -> Optional[str]:
    """Our words for ``x if c else y`` against ``declared`` (mypy words the union of the
    branches' types): the first branch whose type, among its candidates, provably differs,
    when the union of the two candidates is exactly what mypy's message names. A branch no
    hook typed counts as the annotation's type when that is what mypy's words say; a
    ``None`` branch against an ``Optional`` annotation fits it (``x if c else None``), the
    other branch is compared with the tensor the annotation holds."""
    from mypy.typeops import make_simplified_union

    def candidates(branch: Expression) -> List[Type]:
        if isinstance(branch, NameExpr) and branch.fullname == "builtins.None":
            return [NoneType()]
        return _item_candidates(state, func, branch) + [declared]

    want = _optional_tensor(declared)
    # A branch that is itself a conditional (``a if c else (b if d else e)``): its branches.
    sides = [candidates(b) for b in _leaves(value)]
    if not sides or len(sides) > 6:
        return None
    for combo in itertools.islice(itertools.product(*sides), 512):
        union = make_simplified_union(list(combo))
        if not says(info.code.code, info.message, union, declared, state.options):
            continue
        for got_type in combo:
            words = _first_mismatch([got_type], want, where, lambda t: True)
            if words is not None:
                return words
    return None


def _leaves(value: Expression, depth: int = 0) -> List[Expression]:
    """The values a conditional expression may take, nested conditionals opened."""
    if not isinstance(value, ConditionalExpr) or depth > 4:
        return [value]
    return _leaves(value.if_expr, depth + 1) + _leaves(value.else_expr, depth + 1)


def _optional_tensor(declared: Type) -> Type:
    """The tensor type an ``Optional`` annotation holds, else the annotation itself."""
    p = get_proper_type(declared)
    member = optional_member(p) if isinstance(p, UnionType) else None
    if member is not None and translate.is_tensor(get_proper_type(member)):
        return member
    return declared


def _item_candidates(state: Any, func: Optional[FuncDef], item: Expression) -> List[Type]:
    """The types a hook gave the display item ``item`` without reporting, then (a bare
    name) the candidates for the name."""
    noted = state.items.get((item.line, item.column))
    candidates = [noted] if noted is not None else []
    if isinstance(item, NameExpr):
        candidates += _candidates(state, func, item)
    return candidates


def _awaited(ret: Type) -> Optional[Type]:
    """The result type of a coroutine's signature (``Coroutine[Any, Any, T]``: ``T``)."""
    p = get_proper_type(ret)
    if isinstance(p, Instance) and len(p.args) == 3 and p.type.fullname == "typing.Coroutine":
        return p.args[2]
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

    def said(got_type: Type) -> bool:
        return says(info.code.code, info.message, got_type, declared, state.options)

    words = _first_mismatch(_candidates(state, func, name), declared, where, said)
    return words if words is not None else joined_mismatch(name, declared, where, said)


def _first_mismatch(
    candidates: List[Type], declared: Type, where: Any, said: Callable[[Type], bool]
) -> Optional[str]:
    """Our words for the first candidate type that is a tensor whose shape provably differs
    from ``declared``'s and for which ``said`` (mypy's words are the candidate's), or ``None``."""
    from mypy_plugin.callbacks.boundaries import boundary_message

    pattern = translate.shape_of(declared)
    if pattern is None:
        return None
    for got_type in candidates:
        got = translate.shape_of(got_type)
        if got is None or not said(got_type):
            continue
        verdict = verdict_at(where.kind, pattern, got)
        if isinstance(verdict, Mismatch):
            return boundary_message(where, pattern, got, verdict.axis)
    return None


def _candidates(state: Any, func: Optional[FuncDef], name: NameExpr) -> List[Type]:
    """The types mypy may have given ``name``: every tensor type the function's parameter
    annotations hold (the parameter itself; a loop variable over a ``List[Tensor[B, 32]]``
    parameter has that item type), the types hooks gave the values assigned to it, and its
    own declared or inferred type."""
    candidates: List[Type] = []
    ftype = getattr(func, "type", None)
    if func is not None and isinstance(ftype, CallableType):
        for t in ftype.arg_types:
            _tensor_types(t, candidates)
    noted = state.values.get(id(name.node))
    if noted is not None and noted[0] is name.node:
        candidates.extend(noted[1])
    # The name's own declared type: a parameter of an enclosing function (a nested function
    # returning it) or an annotated variable. A candidate only counts when mypy's message
    # prints exactly its words, so an extra one cannot reword another error.
    declared = getattr(name.node, "type", None) if isinstance(name.node, Var) else None
    if declared is not None:
        _tensor_types(declared, candidates)
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
    want = get_proper_type(declared)
    m = _WORDED[info.code.code].fullmatch(info.message)
    if not isinstance(want, TupleType) or m is None:
        return None
    return _items_differing(state, func, value, want, m.group(1), m.group(2), where, "")


def _items_differing(
    state: Any,
    func: Optional[FuncDef],
    value: TupleExpr,
    want: TupleType,
    got_text: str,
    want_text: str,
    where: Any,
    outer: str,
) -> Optional[str]:
    """The first item of ``value`` whose words differ from the annotation's, in shape words,
    when every differing item is such a tensor; a tuple display inside follows the same way
    (``return y, (y, x)``: ``tuple item 1 of tuple item 1``)."""
    from mypy.messages import format_type_bare

    got_items, want_items = _tuple_words(got_text), _tuple_words(want_text)
    n = len(value.items)
    if not (len(want.items) == len(got_items) == len(want_items) == n):
        return None
    first: Optional[str] = None
    for k, (item, got_words, want_words) in enumerate(zip(value.items, got_items, want_items)):
        if got_words == want_words:
            continue
        declared_k = want.items[k]
        if format_type_bare(declared_k, state.options) != want_words:
            return None
        inner = get_proper_type(declared_k)
        if isinstance(item, TupleExpr) and isinstance(inner, TupleType):
            words = _items_differing(state, func, item, inner, got_words, want_words, where,
                                     f" of tuple item {k}{outer}")
        elif translate.shape_of(declared_k) is None:
            return None  # a difference the plugin cannot say in shape words
        else:
            candidates = _item_candidates(state, func, item)

            def said(got_type: Type, got_words: str = got_words) -> bool:
                return format_type_bare(got_type, state.options) == got_words

            part = replace(where, part=f"tuple item {k}{outer}")
            words = _first_mismatch(candidates, declared_k, part, said)
        if words is None:
            return None
        first = first or words
    return first


def _tuple_words(text: str) -> List[str]:
    """The items' words of mypy's words for a tuple type (``tuple[A, B]``); ``[]`` if not."""
    if not (text.startswith("tuple[") and text.endswith("]")):
        return []
    return [w.strip() for w in top_level_words(text[len("tuple["):-1], ",")]


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
            found = _innermost_function(nested(stmt), line)
        if found is not None:
            return found
    return None
