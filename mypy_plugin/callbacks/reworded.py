"""mypy's own errors at boundaries no hook can speak for, reworded in shape words.

Two annotation boundaries run no plugin hook that could report them in shape words:

- a bare name (``return x`` for a parameter ``x``): mypy reads a name's type with no hook;
- an operator with a number on the left (``return 2 * x``): the tensor's ``__rmul__`` hook
  runs inside the error filter mypy puts around each way of applying an operator, after the
  number's ``__mul__`` failed there; an error from it makes mypy give up on the operator.

mypy then reports the boundary itself, after the expression is typed and outside any such
filter (``Incompatible return value type (got "Tensor[B, Literal[32]]", expected ...)
[return-value]``). An ``ErrorWatcher`` (mypy's own class, given a filter function) at the
bottom of mypy's stack of error watchers sees every error on its way to being recorded,
after any speculative check above it has kept or dropped it, and rewords such an error when
it knows which two types mypy compared: the message must be exactly mypy's words for those
two types (so the types are the ones mypy compared), both must be tensors, and their shapes
must differ provably (``typedflux.shapes.bind.rigid_mismatch``). The error then takes the
boundary's words and the code ``shape`` (so ``# type: ignore[shape]`` covers it); anything
else passes through unchanged. Where the two types come from:

- a bare name: the tensor types the function's parameter annotations hold (the parameter
  itself, a loop variable over a ``List[Tensor[...]]`` parameter);
- a name assigned from a value a hook typed (``h = f(x); ...; return h``): that type, noted
  by :func:`note_value` (only a type whose words are exactly mypy's is used);
- an operator at a boundary: the hook notes its result and the annotation
  (:func:`expect`), where it would otherwise have reported.

Also, an error reported inside an operator's filter makes the whole expression ``Any``, so
under ``--warn-return-any`` mypy adds ``Returning Any from function declared to return ...
[no-any-return]`` to a ``[shape]`` error in ``return y + 1``. That warning, on a return
statement where a ``[shape]`` error was just recorded, is dropped: its ``Any`` is the shape
error's (it comes back, if it has another cause, once the shape is fixed).

If mypy's internals differ from what this module expects (another mypy version), nothing is
installed and the errors stay mypy's own (docs/errors.md, "Known limits").

>>> install(object(), None, {})  # not mypy's Errors: nothing happens
False
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from mypy.nodes import (
    AssignmentStmt,
    Block,
    ClassDef,
    Decorator,
    ForStmt,
    FuncDef,
    IfStmt,
    MatchStmt,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    Statement,
    TryStmt,
    Var,
    WhileStmt,
    WithStmt,
)
from mypy.traverser import all_return_statements, all_yield_expressions
from mypy.types import CallableType, Instance, TupleType, Type, UnionType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.codes import SHAPE
from typedflux.shapes.bind import Mismatch, rigid_mismatch

__all__ = ["install", "installing", "expect", "note_value", "reworded"]

# How mypy words the three boundaries, for two types in its own formatting.
_FORMS = {
    "return-value": "Incompatible return value type (got {got}, expected {declared})",
    "assignment": "Incompatible types in assignment (expression has type {got}, variable has type {declared})",
    "misc": 'Incompatible types in "yield" (actual type {got}, expected type {declared})',
}


@dataclass
class _State:
    """What the watcher of one mypy run knows (one per mypy ``Errors`` object)."""

    watcher: Any
    options: Any
    modules: Mapping[str, MypyFile]
    # (file, line, column) of a value a hook noted -> (its type, the annotation, our words)
    expected: Dict[Tuple[str, int, int], Tuple[Type, Type, str]]
    # names assigned from values a hook typed, in the file being checked: Var id -> types
    values: Dict[int, Tuple[Var, List[Type]]]
    values_file: str = ""
    # (file, line, column) of the last error recorded, when it was a [shape] error
    last_shape: Tuple[str, int, int] = ("", -1, -1)


_STATES: Dict[int, _State] = {}


def install(errors: Any, options: Any, modules: Mapping[str, MypyFile]) -> bool:
    """Put the rewording watcher at the bottom of ``errors``' watcher stack, once per
    ``Errors`` object (again after mypy resets it). ``False`` if ``errors`` is not mypy's.

    >>> install(None, None, {})
    False
    """
    watchers = getattr(errors, "_watchers", None)
    if not isinstance(watchers, list):
        return False
    state = _STATES.get(id(errors))
    if state is not None and any(w is state.watcher for w in watchers):
        return True
    try:
        from mypy.errors import ErrorWatcher

        state = _State(None, options, modules, {}, {})
        state.watcher = ErrorWatcher(errors, filter_errors=lambda f, i: _on_error(state, f, i))
    except Exception:  # another mypy: no watcher, mypy's own errors stay
        return False
    watchers.insert(0, state.watcher)
    _STATES.clear()  # one build at a time (the daemon makes a new Errors per run)
    _STATES[id(errors)] = state
    return True


def installing(hook: Callable[[Any], Type]) -> Callable[[Any], Type]:
    """``hook`` (a type analyze hook) that first installs the watcher for the module being
    analysed: a module whose only boundary is ``return x`` runs no hook while it is checked.

    >>> installing(len)([]) if False else callable(installing(len))
    True
    """

    def wrapped(ctx: Any) -> Type:
        try:
            _state(getattr(ctx.api, "api", None))
        except Exception:  # another mypy: mypy's own errors stay
            pass
        return hook(ctx)

    return wrapped


def _state(api: Any) -> Optional[_State]:
    errors = getattr(getattr(api, "msg", None), "errors", None) or getattr(api, "errors", None)
    state = _STATES.get(id(errors))
    if state is None or not any(w is state.watcher for w in getattr(errors, "_watchers", [])):
        options = getattr(api, "options", None)
        modules = getattr(api, "modules", None) or {}
        if not install(errors, options, modules):
            return None
        state = _STATES.get(id(errors))
    return state


def expect(api: Any, at: Any, got: Type, declared: Type, message: str) -> bool:
    """Note that mypy will report the value at ``at`` (of type ``got``) against ``declared``,
    to be reworded as ``message``. ``False`` when no watcher can be installed (then report
    the error yourself).

    >>> expect(object(), None, None, None, "")  # type: ignore[arg-type]
    False
    """
    state = _state(api)
    if state is None or at is None:
        return False
    file = getattr(api.msg.errors, "file", "")
    if any(key[0] != file for key in state.expected):
        state.expected.clear()  # mypy reports a file's boundaries while it checks that file
    state.expected[(file, at.line, at.column)] = (got, declared, message)
    return True


def note_value(api: Any, var: object, value: Type) -> None:
    """Remember that the name ``var`` (a ``Var``) was assigned a value of type ``value``
    in the file being checked (a candidate type for a later bare ``return``)."""
    if not isinstance(var, Var) or translate.shape_of(value) is None:
        return
    state = _state(api)
    if state is None:
        return
    file = getattr(api.msg.errors, "file", "")
    if file != state.values_file:
        state.values.clear()
        state.values_file = file
    entry = state.values.setdefault(id(var), (var, []))
    if value not in entry[1]:
        entry[1].append(value)


def reworded(
    code: str, message: str, got: Type, declared: Type, options: Any, words: str
) -> Optional[str]:
    """``words`` if ``message`` is exactly mypy's ``code`` error for ``got`` and ``declared``;
    ``None`` otherwise (then the types are not the ones mypy compared)."""
    from mypy.messages import format_type_distinctly

    form = _FORMS.get(code)
    if form is None:
        return None
    g, d = format_type_distinctly(got, declared, options=options)
    return words if message == form.format(got=g, declared=d) else None


def _on_error(state: _State, file: str, info: Any) -> bool:
    """Reword ``info`` in place when it can; ``True`` drops it (a no-any-return that a
    shape error explains). Never raises: a failure leaves mypy's error as it is."""
    try:
        return _reword(state, file, info)
    except Exception:
        return False


def _reword(state: _State, file: str, info: Any) -> bool:
    code = info.code.code if info.code is not None else ""
    if info.severity != "error":
        return False
    shape_before, state.last_shape = state.last_shape, ("", -1, -1)
    if code == SHAPE.code:
        state.last_shape = (file, info.line, info.column)
        return False
    if code == "no-any-return":
        state.last_shape = shape_before
        return _after_shape(state, file, info)
    if code not in _FORMS:
        return False
    hit = state.expected.pop((file, info.line, info.column), None)
    words: Optional[str] = None
    if hit is not None:
        words = reworded(code, info.message, hit[0], hit[1], state.options, hit[2])
    else:
        words = _bare_name(state, code, info)
    if words is not None:
        info.message = words
        info.code = SHAPE
        state.last_shape = (file, info.line, info.column)
    return False


def _after_shape(state: _State, file: str, info: Any) -> bool:
    """Whether the last error recorded was a ``[shape]`` error inside the return statement
    mypy now reports ``no-any-return`` on (it does so right after the value's errors)."""
    last_file, last_line, last_column = state.last_shape
    end_line = info.end_line if info.end_line is not None and info.end_line > 0 else info.line
    end_column = info.end_column if info.end_column is not None else -1
    after_start = (last_line, last_column) >= (info.line, info.column)
    before_end = last_line < end_line or (last_line == end_line and (
        end_column < 0 or last_column <= end_column))
    return last_file == file and after_start and before_end


def _bare_name(state: _State, code: str, info: Any) -> Optional[str]:
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
                and isinstance(stmt.rvalue, NameExpr)
                and (stmt.rvalue.line, stmt.rvalue.column) == at
            ):
                where = Boundary("assign", stmt.lvalues[0].name)
                return _named(state, info, func, stmt.rvalue, stmt.type, where)
        return None
    if func is None or not isinstance(ftype, CallableType) or func.is_coroutine:
        return None
    if code == "return-value" and not func.is_generator:
        for ret in all_return_statements(func):
            e = ret.expr
            if isinstance(e, NameExpr) and (e.line, e.column) == at:
                return _named(state, info, func, e, ftype.ret_type, Boundary("return"))
    if code == "misc" and func.is_generator:
        declared = _yielded(ftype.ret_type)
        for y, _ in all_yield_expressions(func):
            if isinstance(y.expr, NameExpr) and (y.line, y.column) == at and declared:
                return _named(state, info, func, y.expr, declared, Boundary("yield"))
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
    state: _State,
    info: Any,
    func: Optional[FuncDef],
    name: NameExpr,
    declared: Type,
    where: Any,
) -> Optional[str]:
    """Our words for ``name`` against ``declared``, with the type mypy gave ``name`` one of
    the candidates (a parameter's annotation, a value a hook typed) whose words are mypy's."""
    from mypy_plugin.callbacks.boundaries import boundary_message

    candidates: List[Type] = []
    ftype = getattr(func, "type", None)
    if func is not None and isinstance(ftype, CallableType):
        # The parameter itself, and any tensor type its annotations hold (a loop variable
        # over a ``List[Tensor[B, 32]]`` parameter has that item type).
        for t in ftype.arg_types:
            _tensor_types(t, candidates)
    noted = state.values.get(id(name.node))
    if noted is not None and noted[0] is name.node:
        candidates.extend(noted[1])
    pattern = translate.shape_of(declared)
    if pattern is None:
        return None
    for got_type in candidates:
        got = translate.shape_of(got_type)
        if got is None:
            continue
        verdict = rigid_mismatch(pattern, got)
        if not isinstance(verdict, Mismatch):
            continue
        words = boundary_message(where, pattern, got, verdict.axis)
        said = reworded(info.code.code, info.message, got_type, declared, state.options, words)
        if said is not None:
            return said
    return None


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
