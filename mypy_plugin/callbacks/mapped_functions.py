"""A named function given to ``map`` or ``functools.reduce`` whose parameters the items do
not fit: mypy's ``[arg-type]`` there, in the call check's words.

``map(f, [tf.zeros(2, 10)])`` for ``def f(x: Tensor[B, 4]) -> Tensor[B, 4]`` runs no hook
that could check ``f``'s parameters: mypy solves ``map``'s type variables and reports the
function, ``Argument 1 to "map" has incompatible type "Callable[[Tensor[B, Literal[4]]],
Tensor[B, Literal[4]]]"; expected "Callable[[Tensor[Literal[2], Literal[10]]], ...]"``. What
fails is a call of ``f`` that ``map`` makes: the rewording watcher (``reworded.py``) asks
:func:`mapped_words`, which makes those calls as the signature hook makes a call
(``typedflux.shapes.bind.Bindings``) and gives the first that fails in the run time's words
(``@tf.shapecheck`` on ``f``): ``Argument "x" of "f" has shape Tensor[2, 10], which does not
match the annotation Tensor[B, 4]: axis 1 is 10, expected 4``.

The calls are the ones the run makes, in its order: ``map(f, xs, ys)`` calls ``f(xs[k],
ys[k])``; ``reduce(f, xs[, start])`` calls ``f(acc, x)`` with ``acc`` the start (or the first
item), then each result. An iterable written as a list or tuple display gives each item's
own type (mypy joins them: ``Tensor[2, int]`` for a ``Tensor[2, 4]`` and a ``Tensor[2, 9]``);
any other iterable its item type (a ``List[Tensor[3, 7]]``: the error is a fact of the
types, as for a call of ``f`` in a loop over it). ``reduce`` over an iterable of unknown
length makes its first call only; a result of unknown shape stops. At a ``return``
(``return reduce(add, [a, b])`` for ``-> Tensor[2, 4]``) mypy may take the items' type from
the annotation and report a display's item instead (``List item 1 has incompatible type
...  [list-item]``): :func:`mapped_item_words`, the same calls. The words replace mypy's
only when its message names exactly the function's type, ``f`` is a function or method
given by name, and a call provably fails; anything else keeps mypy's error (``Tensor[2,
int]`` items that may fit). An overloaded function's call is its first item that takes the
arguments, as ``@tf.shapecheck`` on its implementation picks it: a call no item takes is
``No overload of "f" takes these shapes: ...``. mypy's error is dropped (:func:`mapped_fits`)
when every call provably fits and nothing asked for another result. A function whose result
has an expression dim (``-> Tensor[B, "2*N"]``) gives ``map``'s items the calls' results
(:func:`mapped_result`, the function hook of ``builtins.map``): mypy's own item type keeps
``"2*N"`` unsubstituted.

>>> mapped_words(None, "", None) is None
True
"""

from __future__ import annotations

import re
from typing import Any, List, Optional, Sequence, Tuple

from mypy.nodes import (
    ARG_OPT, ARG_POS, FUNC_NO_INFO, AssignmentStmt, CallExpr, Decorator, Expression, ExpressionStmt,
    ForStmt, FuncDef, ListExpr, MypyFile, NameExpr, RefExpr, StarExpr, TupleExpr,
)
from mypy.maptype import map_instance_to_supertype
from mypy.plugin import FunctionContext
from mypy.types import (
    AnyType, CallableType, FunctionLike, Instance, Overloaded, Type, TypeOfAny, get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.common import names_in_scope, tensor_template
from mypy_plugin.callbacks.inner_places import call_arguments
from mypy_plugin.callbacks.reworded_arguments import parsed, typed_here
from mypy_plugin.statements import walk
from typedflux.shapes import messages
from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import ShapeError

__all__ = ["mapped_words", "mapped_item_words", "mapped_fits", "context_free", "mapped_result"]

_CALLERS = {"map": "builtins.map", "reduce": "functools.reduce"}
# mypy's error at an item of a list display whose item type a context fixed.
_LIST_ITEM = re.compile(r'List item (\d+) has incompatible type "(.*)"; expected "(.*)"')
# mypy's mark of a type variable's function where two share a name (``B@scale``, ``B@shifted``)
_DISTINCT = re.compile(r"@[A-Za-z_][\w.]*")

Shape = Optional[translate.StaticShape]
# One iterable's items as the calls receive them: each item's shape (a display), or
# ``(None, item shape)`` for an iterable of unknown length (each call: its item type's).
Items = Tuple[Optional[List[Shape]], Shape]


def mapped_words(state: Any, file: str, info: Any) -> Optional[str]:
    """Our words for mypy's ``[arg-type]`` error ``info`` at the function given to ``map``
    or ``reduce``, or ``None``."""
    p = parsed(info.message) if info is not None else None
    if p is None or p[1] not in _CALLERS or p[2] is not None or p[3] != 1 \
            or not p[6].startswith('"Callable[['):
        return None
    tree = state.modules.get(info.module or "")
    hit = call_arguments(tree).get((info.line, info.column)) if isinstance(tree, MypyFile) else None
    if hit is None or hit[1] != 0:
        return None
    said = (p[5], _DISTINCT.sub("", p[5]))
    return _words(state, file, hit[0], p[1], lambda fn, _: fn in said)


def mapped_fits(state: Any, file: str, info: Any) -> bool:
    """Whether mypy's ``[arg-type]`` error ``info`` at the function given to ``map`` is false:
    every call ``map`` makes fits the function's parameters (an overloaded function's: some
    item's), each a tensor, and gives the result mypy's expected ``Callable`` names (``ys:
    List[Tensor[2, 8]] = list(map(widen, xs))`` of ``def widen(x: Tensor[B, N]) -> Tensor[B,
    "2*N"]``: mypy cannot solve ``"2*N"`` against ``8``), or the call meets no type context
    that could ask for another (:func:`context_free`: ``list(map(ident, [a4, a8]))`` of an
    overloaded ``ident``, whose result mypy took from its first item).

    >>> mapped_fits(None, "", None)
    False
    """
    p = parsed(info.message) if info is not None else None
    if p is None or p[1] != "map" or p[2] is not None or p[3] != 1 \
            or not p[6].startswith('"Callable[[') or \
            not (p[5].startswith('"Callable[[') or p[5] == _OVERLOADED):
        return False
    tree = state.modules.get(info.module or "")
    hit = call_arguments(tree).get((info.line, info.column)) if isinstance(tree, MypyFile) else None
    expected = _returned(_DISTINCT.sub("", p[6][1:-1]))
    if hit is None or hit[1] != 0 or expected is None or not isinstance(tree, MypyFile):
        return False
    said = (p[5], _DISTINCT.sub("", p[5]))
    fits = _results(state, file, hit[0], lambda fn, _: fn in said)
    return fits is not None and bool(fits) and (
        all(_written(r) == expected for r in fits) or context_free(tree, hit[0]))


# How mypy writes an overloaded function's type in a message (no quotes).
_OVERLOADED = "overloaded function"
# Calls whose parameter gives an argument no tensor type context when the call meets none.
_FREE_CALLERS = frozenset(f"builtins.{n}" for n in (
    "list", "tuple", "sorted", "set", "frozenset", "iter", "len", "print", "enumerate", "zip"))


def context_free(tree: MypyFile, call: CallExpr) -> bool:
    """Whether ``call`` meets no type context mypy could take a type variable's value from:
    it is a statement's expression, a ``for`` loop's iterable or the value of a name defined
    there without annotation (``ys = list(map(f, xs))``), directly or as the argument of
    ``list``, ``tuple``, ``sorted``, ``len``, ``print``... (:data:`_FREE_CALLERS`).

    >>> context_free(MypyFile([], []), CallExpr(NameExpr("f"), [], [], []))
    False
    """
    node: Expression = call
    places = call_arguments(tree)
    while True:
        hit = places.get((node.line, node.column))
        if hit is None or hit[0].args[hit[1]] is not node:
            break
        if getattr(hit[0].callee, "fullname", None) not in _FREE_CALLERS:
            return False
        node = hit[0]
    for stmt in walk(tree.defs):
        if isinstance(stmt, (ExpressionStmt, ForStmt)) and stmt.expr is node:
            return True
        if isinstance(stmt, AssignmentStmt) and stmt.rvalue is node:
            return stmt.type is None and all(
                isinstance(t, NameExpr) and t.is_inferred_def for t in stmt.lvalues)
    return False


def mapped_result(ctx: FunctionContext) -> Type:
    """The type of ``map(f, xs)`` (the function hook of ``builtins.map``) when ``f``'s result
    has an expression dim (``def widen(x: Tensor[B, N]) -> Tensor[B, "2*N"]``): mypy solves
    ``map``'s item type from ``f``'s result unsubstituted (``Tensor[2, Literal['2*N']]``, a
    false ``Dense(8 => 3) expects input Tensor[..., 8], got Tensor[2, 2*N]`` at ``for y in
    map(widen, xs): Dense(8, 3)(y)``, redteam s12 mc01); when every call provably fits,
    the item type is their results' shape (an axis where they differ: unknown); else the
    expression dims of mypy's item type are unknown. Any other function: mypy's type.

    >>> callable(mapped_result)
    True
    """
    try:
        return _mapped_result(ctx) or ctx.default_return_type
    except Exception:  # noqa: BLE001 - a construct not modelled here: mypy's type stays
        return ctx.default_return_type


def _mapped_result(ctx: FunctionContext) -> Optional[Type]:
    t = get_proper_type(ctx.default_return_type)
    call = ctx.context
    if not isinstance(t, Instance) or len(t.args) != 1 or not isinstance(call, CallExpr) or \
            len(call.args) < 2 or any(k != ARG_POS for k in call.arg_kinds):
        return None
    api = ctx.api

    def lookup(e: Expression) -> Optional[Type]:
        return typed_here(api, e)

    fn = get_proper_type(lookup(call.args[0]))
    name = _name(fn.definition, call.args[0]) if isinstance(fn, CallableType) else None
    if not isinstance(fn, CallableType) or name is None or \
            not translate.string_dim_symbols([fn.ret_type]):
        return None  # (a lambda's type is its context's: lambda_boundaries.py checks it)
    results = _each_result(fn, name, [_items(e, lookup) for e in call.args[1:]])
    names = translate.Names()
    names_in_scope(api, names)
    int_type, str_type = api.named_generic_type("builtins.int", []), \
        api.named_generic_type("builtins.str", [])
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    # Under a type context (an argument of ``sum``, ``zip``, an outer ``map``: mypy infers
    # the call again with the context its outer call solved, and fixes map's item type from
    # it BEFORE it checks ``f``: ``Tensor[2, 8]`` there would not match ``f``'s unsubstituted
    # ``Tensor[B, "2*N"]``, a false ``[arg-type]`` that fails the right overload of ``sum``):
    # mypy's item type with its expression dims unknown, which matches anything.
    contexts = getattr(api, "type_context", None)
    free = not contexts or contexts[-1] is None
    shape = _joined(results) if results and free else None
    template = tensor_template(api)
    if shape is None or template is None or not all(
            isinstance(d, int) or d is translate.UNKNOWN or str(d) in names.tvars for d in shape):
        unknown = translate.string_dim_symbols([t.args[0]])  # (mypy's, its expression dims unknown)
        item: Type = translate.substitute_type(t.args[0], {}, {}, names, int_type, str_type,
                                               tuple_any, unsolved=unknown)
    else:
        item = translate.type_of_shape(shape, template, names, int_type, str_type, tuple_any)
    return t.copy_modified(args=[item])


def _joined(results: List[Shape]) -> Shape:
    """The shape of every one of ``results``, an axis where they differ unknown; ``None`` for
    results of unknown shape or of several ranks."""
    first = results[0]
    if first is None or any(r is None or len(r) != len(first) for r in results):
        return None
    return tuple(d if all(r is not None and r[k] == d for r in results) else translate.UNKNOWN
                 for k, d in enumerate(first))


def _returned(callable_text: str) -> Optional[str]:
    """``R`` of mypy's ``Callable[[...], R]``, or ``None``."""
    depth = 0
    for k, ch in enumerate(callable_text):
        depth += 1 if ch == "[" else -1 if ch == "]" else 0
        if depth == 1 and ch == "]":
            rest = callable_text[k + 1:]
            return rest[2:-1] if rest.startswith(", ") and rest.endswith("]") else None
    return None


def _written(shape: Shape) -> Optional[str]:
    """A tensor type of ``shape`` as mypy writes it (``Tensor[B, Literal[8]]``; ``None`` for a
    dim that is neither a number nor one symbol)."""
    if shape is None:
        return None
    dims = [f"Literal[{d}]" if isinstance(d, int) and d >= 0 else str(d) for d in shape]
    if not all(d.startswith("Literal[") or d.isidentifier() for d in dims):
        return None
    return f"Tensor[{', '.join(dims)}]"


def mapped_item_words(state: Any, file: str, info: Any) -> Optional[str]:
    """Our words for mypy's ``[list-item]`` error ``info`` at an item of a list display
    given to ``map`` or ``reduce`` (mypy took the item type from the annotation the call
    meets: ``return reduce(add, [a, b])`` for ``-> Tensor[2, 4]``), or ``None``."""
    m = _LIST_ITEM.fullmatch(info.message) if info is not None else None
    tree = state.modules.get(info.module or "") if m is not None else None
    if not isinstance(tree, MypyFile) or m is None:
        return None
    k, at = int(m.group(1)), (info.line, info.column)
    for call, index in call_arguments(tree).values():
        display = call.args[index]
        if index > 0 and isinstance(display, ListExpr) and k < len(display.items) and \
                (display.items[k].line, display.items[k].column) == at:
            caller = next((c for c, full in _CALLERS.items()
                           if getattr(call.callee, "fullname", None) == full), None)
            item = display.items[k]
            return None if caller is None else _words(
                state, file, call, caller, lambda _, lookup: _said(lookup(item), state.options) == m.group(2))
    return None


def _said(t: Optional[Type], options: Any) -> Optional[str]:
    from mypy.messages import format_type

    return format_type(t, options)[1:-1] if t is not None else None


def _words(state: Any, file: str, call: CallExpr, caller: str, says: Any) -> Optional[str]:
    """The run time's words for the first call of the function ``map``/``reduce`` (``caller``)
    makes in ``call`` that fails; ``None`` unless mypy's message ``says`` (given the
    function's type as mypy writes it, and a lookup of types) what the types here are."""
    found = _function(state, file, call, caller, says)
    if found is None:
        return None
    fn, name, lookup = found
    if caller == "map":
        return _mapped(fn, name, [_items(e, lookup) for e in call.args[1:]])
    if len(call.args) > 3:
        return None
    start = _shape(lookup(call.args[2])) if len(call.args) == 3 else None
    return _reduced(fn, name, _items(call.args[1], lookup), start, len(call.args) == 3)


def _function(state: Any, file: str, call: CallExpr, caller: str, says: Any
              ) -> Optional[Tuple[FunctionLike, str, Any]]:
    """The function ``call`` gives ``map``/``reduce`` (``caller``), its name as the run time
    says it, and a lookup of types; ``None`` unless mypy's message ``says`` its type."""
    from mypy.checker_state import checker_state
    from mypy.messages import format_type

    checker = checker_state.type_checker
    if checker is None or getattr(checker, "path", None) != file or \
            getattr(call.callee, "fullname", None) != _CALLERS[caller] or \
            any(k != ARG_POS for k in call.arg_kinds) or len(call.args) < 2:
        return None

    def lookup(e: Expression) -> Optional[Type]:
        return typed_here(checker, e)

    fn = get_proper_type(lookup(call.args[0]))
    first = fn.items[0] if isinstance(fn, Overloaded) and fn.items else fn
    name = _name(first.definition, call.args[0]) if isinstance(first, CallableType) else None
    if not isinstance(fn, FunctionLike) or name is None or \
            not says(format_type(fn, state.options), lookup):
        return None  # (not the types mypy's message names)
    return fn, name, lookup


def _results(state: Any, file: str, call: CallExpr, says: Any) -> Optional[List[Shape]]:
    """The result of each call ``map(fn, ...)`` makes, when every one fits ``fn`` (each
    argument given for a tensor parameter; an overloaded function's first item that takes
    them, as mypy picks it); ``None`` when one may not (or mypy's message does not ``says``
    ``fn``'s type)."""
    found = _function(state, file, call, "map", says)
    if found is None:
        return None
    fn, name, lookup = found
    return _each_result(fn, name, [_items(e, lookup) for e in call.args[1:]])


def _each_result(fn: FunctionLike, name: str, iterables: List[Items]) -> Optional[List[Shape]]:
    """The result of each call ``map(fn, ...)`` makes over ``iterables``, when every one
    provably fits ``fn`` (else ``None``)."""
    lengths = [len(items) for items, _ in iterables if items is not None]
    out: List[Shape] = []
    for k in range(min(lengths) if lengths else 1):
        actuals = [items[k] if items is not None else each for items, each in iterables]
        item = None if any(a is None for a in actuals) else _taken(fn, name, actuals, True)[0]
        if item is None:
            return None
        out.append(_result(item, actuals))
    return out


def _overloads(fn: FunctionLike) -> List[CallableType]:
    return list(fn.items) if isinstance(fn, Overloaded) else [fn] if isinstance(fn, CallableType) else []


def _name(func: object, e: Expression) -> Optional[str]:
    """How ``@tf.shapecheck`` names the function ``func`` (a callable type's definition; or
    the function the name ``e`` refers to, under a decorator that kept no definition):
    ``f``, ``Model.step``."""
    if not isinstance(func, (FuncDef, Decorator)) and isinstance(e, RefExpr):
        func = e.node
    func = func.func if isinstance(func, Decorator) else func
    if not isinstance(func, FuncDef):
        return None
    return f"{func.info.name}.{func.name}" if func.info is not FUNC_NO_INFO else func.name


def _shape(t: Optional[Type]) -> Shape:
    return translate.shape_of(t) if t is not None else None


def _items(e: Expression, lookup: Any) -> Items:
    """Each item's shape of a display ``e``; else its item type's (one for every item)."""
    if isinstance(e, (ListExpr, TupleExpr)) and not any(isinstance(i, StarExpr) for i in e.items):
        return [_shape(lookup(i)) for i in e.items], None
    t = get_proper_type(lookup(e))
    iterable = next((b for b in t.type.mro if b.fullname == "typing.Iterable"), None
                    ) if isinstance(t, Instance) else None
    if isinstance(t, Instance) and iterable is not None:
        # (the item type as ``Iterable`` sees it: ``enumerate[T]`` yields ``tuple[int, T]``)
        return None, _shape(map_instance_to_supertype(t, iterable).args[0])
    return None, None


def _mapped(fn: FunctionLike, name: str, iterables: List[Items]) -> Optional[str]:
    """The first call of ``map(fn, ...)`` that fails, in order: item ``k`` of each display,
    the item type of any other iterable (one call when no iterable is a display)."""
    lengths = [len(items) for items, _ in iterables if items is not None]
    calls = min(lengths) if lengths else 1
    for k in range(calls):
        _, words = _taken(fn, name, [items[k] if items is not None else each
                                     for items, each in iterables])
        if words is not None:
            return words
    return None


def _reduced(fn: FunctionLike, name: str, items: Items, start: Shape, started: bool
             ) -> Optional[str]:
    """The first call of ``reduce(fn, ...)`` that fails: ``fn(acc, item)`` for each item of
    a display, the accumulator the last call's result; over any other iterable the first
    call only (its length is unknown)."""
    shapes, each = items
    rest: List[Shape] = list(shapes) if shapes is not None else [each, each][started:]
    acc = start if started else (rest.pop(0) if rest else None)
    for item in rest:
        if acc is None:
            return None  # (a result of unknown shape: nothing more is proven)
        taken, words = _taken(fn, name, [acc, item])
        if words is not None:
            return words
        acc = _result(taken, [acc, item]) if taken is not None else None
        if shapes is None:
            break
    return None


def _bound(fn: CallableType, name: str, actuals: Sequence[Shape]) -> Optional[Bindings]:
    """``fn``'s parameters bound to ``actuals`` as a call binds them (``None`` when ``fn``
    cannot be called with them by position); raises ShapeError on a proven mismatch."""
    n, kinds = len(actuals), fn.arg_kinds
    if len(kinds) < n or any(k not in (ARG_POS, ARG_OPT) for k in kinds[:n]) or \
            any(k == ARG_POS for k in kinds[n:]):
        return None
    own = {v.name for v in fn.variables}
    env = Bindings(name, frozenset(translate.bare_typevar_names(fn.arg_types) - own))
    for i, actual in enumerate(actuals):
        pattern = translate.shape_of(fn.arg_types[i])
        if pattern is not None and actual is not None:
            env.bind(f'argument "{fn.arg_names[i] or f"#{i + 1}"}"', pattern, actual)
    return env


def _taken(fn: FunctionLike, name: str, actuals: Sequence[Shape], proven: bool = False
           ) -> Tuple[Optional[CallableType], Optional[str]]:
    """The item of ``fn`` the run time calls with ``actuals`` (its first that binds them), and
    the run time's words when the call provably fails (an overloaded function's: when every
    item does, ``No overload of "f" takes these shapes: ...``, as ``@tf.shapecheck`` on its
    implementation says it). ``proven``: the first item that provably takes them (each
    argument given for a tensor parameter: a ``def label(x: str)`` given tensors keeps mypy's
    error), passing over any other."""
    briefs: List[str] = []
    for item in _overloads(fn):
        if proven and any(translate.shape_of(t) is None for t in item.arg_types[:len(actuals)]):
            continue
        try:
            bound = _bound(item, name, actuals)
        except ShapeError as err:
            if not isinstance(fn, Overloaded):
                return None, err.message
            briefs.append(err.brief)
            continue
        if bound is not None:
            return item, None
        if not proven:
            return None, None  # (the run time checks no shape then: Python's own error)
    return None, messages.overload_mismatch(name, briefs) if briefs else None


def _result(fn: CallableType, actuals: Sequence[Shape]) -> Shape:
    """``fn``'s result for ``actuals`` (which fit it), when every size in it is known or one
    the actuals hold (else ``None``: a symbol of ``fn``'s own left unbound is no size)."""
    env = _bound(fn, "", actuals)
    ret = translate.shape_of(fn.ret_type)
    if env is None or ret is None:
        return None
    mentioned = translate.bare_typevar_names([fn.ret_type]) | \
        translate.string_dim_symbols([fn.ret_type])
    if ({v.name for v in fn.variables} & mentioned) - set(env.dims):
        return None
    shape = env.substitute(ret)
    return None if any(isinstance(d, translate.Star) for d in shape) else shape
