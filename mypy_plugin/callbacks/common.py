"""Plumbing shared by callbacks: never crash mypy, report ShapeErrors, look up arg types.

>>> guarded("demo", lambda ctx: 1 // 0, lambda ctx: "default")
<function ...>
"""

from __future__ import annotations

import functools
import traceback
from typing import Callable, List, Optional, Tuple, TypeVar

from mypy.nodes import Context, Expression, TypeInfo
from mypy.plugin import CheckerPluginInterface
from mypy.types import AnyType, Instance, Type, TypeOfAny, UnpackType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.codes import SHAPE, SHAPE_INTERNAL
from typedflux.shapes.errors import ShapeError

__all__ = [
    "CURRENT_API",
    "guarded",
    "run_guarded",
    "report_shape_error",
    "type_lookup",
    "internal_note",
    "names_in_scope",
    "tensor_template",
    "top_level_words",
    "substitution_types",
]

C = TypeVar("C")
R = TypeVar("R")


def internal_note(api: object, where: str, err: BaseException, context: Context) -> None:
    """Report the plugin's own failure as a ``shape-internal`` note (mypy carries on).

    >>> class Msg:
    ...     def note(self, text, context, code=None): print(text.split(" (")[0], code.code)
    >>> class Api:
    ...     msg = Msg()
    >>> internal_note(Api(), '"demo"', ValueError("x"), None)  # type: ignore[arg-type]
    typedflux plugin failed in "demo" shape-internal
    """
    frame = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
    at = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    text = (
        f"typedflux plugin failed in {where} ({type(err).__name__}: {err}{at}); "
        "the shape is left unchecked here"
    )
    msg = getattr(api, "msg", None)
    if msg is not None and hasattr(msg, "note"):
        msg.note(text, context, code=SHAPE_INTERNAL)
    elif hasattr(api, "fail"):
        api.fail(text, context, code=SHAPE_INTERNAL)


# The checker of the hook running now (what a rule evaluated later, a function body's
# (callbacks/bodies.py), reads closure types from).
CURRENT_API: List[Optional[CheckerPluginInterface]] = [None]


def guarded(where: str, hook: Callable[[C], R], default: Callable[[C], R]) -> Callable[[C], R]:
    """Wrap ``hook`` so any exception becomes a note and ``default(ctx)`` is returned.

    >>> class Ctx:
    ...     api = None; context = None
    >>> guarded("demo", lambda ctx: 1 // 0, lambda ctx: "default")(Ctx())
    'default'
    """

    @functools.wraps(hook)
    def run(ctx: C) -> R:
        return run_guarded(where, hook, default, ctx)

    return run


def run_guarded(where: str, hook: Callable[[C], R], default: Callable[[C], R], ctx: C) -> R:
    """``hook(ctx)``, with any exception made a note and ``default(ctx)`` returned: the body
    of :func:`guarded`, for a hook kept as an object rather than a closure (calls.CallCheck).

    >>> class Ctx:
    ...     api = None; context = None
    >>> run_guarded("demo", lambda ctx: 1 // 0, lambda ctx: "default", Ctx())
    'default'
    """
    CURRENT_API[0] = getattr(ctx, "api", None)
    try:
        return hook(ctx)
    except Exception as err:  # the plugin must never crash mypy
        api = getattr(ctx, "api", None)
        context = getattr(ctx, "context", None)
        if api is not None and context is not None:
            internal_note(api, where, err, context)
        return default(ctx)


def report_shape_error(api: CheckerPluginInterface, err: ShapeError, context: Context) -> None:
    """Report a rule's ShapeError with code ``shape`` and its notes as notes.

    >>> callable(report_shape_error)  # exercised by every [shape] case in tests/typecheck
    True
    """
    api.fail(err.message, context, code=SHAPE)
    for note in err.notes:
        api.msg.note(note, context, code=SHAPE)


def type_lookup(api: CheckerPluginInterface) -> Callable[[Expression], Optional[Type]]:
    """The already-inferred type of an argument expression (``None`` if not recorded).

    >>> type_lookup(object())(None) is None  # type: ignore[arg-type]
    True
    """
    find: Optional[Callable[[Expression], Optional[Type]]] = getattr(
        api, "lookup_type_or_none", None
    )
    if find is None:
        return lambda e: None
    return find


def names_in_scope(api: CheckerPluginInterface, names: translate.Names) -> None:
    """The enclosing function's TypeVars, so a computed ``B`` maps back to that TypeVar, and
    the enclosing class's (a method of ``Halver(Generic[I])``: a computed ``I`` is the class's
    ``I``, not ``Literal['I']``, which mypy would refuse for ``-> Tensor[B, I]``; redteam s11 fa06).

    >>> names = translate.Names(); names_in_scope(object(), names); names.tvars  # type: ignore[arg-type]
    {}
    """
    scope = getattr(api, "scope", None)
    func = scope.current_function() if scope is not None else None
    ftype = getattr(func, "type", None)
    for tv in getattr(ftype, "variables", ()):
        translate.collect_names([tv], names)
    current_class = getattr(scope, "current_class", None)
    info = current_class() if callable(current_class) else None
    for tv in getattr(getattr(info, "defn", None), "type_vars", ()):
        translate.collect_names([tv], names)


def tensor_template(api: CheckerPluginInterface, *candidates: Type) -> Optional[Instance]:
    """An ``Instance`` of Tensor to build results on: the first candidate that is one, else
    looked up in the loaded modules (``None`` if typedflux.tensor is not loaded).

    >>> tensor_template(object()) is None  # type: ignore[arg-type]
    True
    """
    for c in candidates:
        p = get_proper_type(c)
        if isinstance(p, Instance) and p.type.fullname == translate.TENSOR_FULLNAME:
            return p
    modules = getattr(api, "modules", {})
    mod = modules.get(translate.TENSOR_FULLNAME.rsplit(".", 1)[0])
    sym = mod.names.get("Tensor") if mod is not None else None
    info = getattr(sym, "node", None)
    if not isinstance(info, TypeInfo):
        return None
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    return Instance(info, [UnpackType(tuple_any)])


def top_level_words(text: str, sep: str) -> List[str]:
    """``text`` (mypy's words for types) split at each ``sep`` outside brackets: a union's
    members with ``" | "``, a tuple's or a Callable's items with ``", "``. The errors the
    watcher rewords name their types only in words, so several callbacks read them this way.

    >>> top_level_words("A | B[C | D]", " | ")
    ['A', 'B[C | D]']
    >>> top_level_words("[X, Y], Tensor[B, 4]", ", ")
    ['[X, Y]', 'Tensor[B, 4]']
    """
    out: List[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "[") - (ch == "]")
        if depth == 0 and text.startswith(sep, i):
            out.append(text[start:i])
            start = i + len(sep)
    return out + [text[start:]]


def substitution_types(api: CheckerPluginInterface) -> Tuple[Instance, Instance, Instance]:
    """The ``int``, ``str`` and ``tuple[Any, ...]`` instances ``translate.substitute_type``
    writes sizes, string dims and runs with.

    >>> callable(substitution_types)
    True
    """
    return (api.named_generic_type("builtins.int", []), api.named_generic_type("builtins.str", []),
            api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)]))
