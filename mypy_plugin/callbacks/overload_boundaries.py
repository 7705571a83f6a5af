"""A call of a module's own overloaded function at a boundary, where mypy chose the item by
the annotation the call meets and reports the argument.

``def proj(x: Tensor[B, 8]) -> Tensor[B, 16]`` and ``def proj(x: Tensor[B, N, 8]) ->
Tensor[B, N, 16]`` (two ``@overload`` items), then ``return proj(x)`` with ``x: Tensor[B,
T, 8]`` from a function annotated ``-> Tensor[B, 16]``: mypy picks the item whose result is
the annotation's and reports ``Argument 1 to "proj" has incompatible type "Tensor[B, T,
Literal[8]]"; expected "Tensor[B, Literal[8]]"  [arg-type]``. The argument fits the other
item; the fact is that its result, ``Tensor[B, T, 16]``, is not the annotation: the run
time's words at that return (``@tf.shapecheck`` of the caller). The rewording watcher
(``reworded.py``) asks :func:`overload_words` for such an error: the call's arguments (by
position or keyword, one or several) are read as mypy typed them
(``reworded_arguments.typed_here``), each item's parameters bound to them as ``@shapecheck``
binds a call's (``typedflux.shapes.bind.Bindings``); when exactly one item takes them all
and the message names the argument's type as mypy writes it, that item's result meets the
boundary's annotation, in the boundary's words (``Return shape Tensor[B, T, 16] does not match the
annotation Tensor[B, 16]: rank is 3, expected 2``). Anything else keeps mypy's error.

When no item takes a call's shapes, the signature hook reports it once (``No overload of
"p" takes these shapes: ...``, ``callbacks/calls.py``) and lets the last item take the call.
An argument mypy still finds that item wrong for (``p(**{"x": tf.zeros(2, 7)})``: the dict's
values reach ``p``'s every parameter, ``flag: bool`` too) makes mypy check the call against
its first item and report ``Argument 1 to "p" has incompatible type "**dict[str,
Tensor[Literal[2], Literal[7]]]"; expected "Tensor[Literal[2], Literal[8]]"``: the same
fact again. :func:`said_twice` drops exactly that: an ``[arg-type]`` error inside the span
of the call just reported, of the same callee, a tensor (or a ``*``/``**`` container of
tensors) given where a tensor is expected. Any other argument error (``expected "bool"``)
stays mypy's.

>>> overload_words(None, "", None) is None
True
"""

from __future__ import annotations

import re
from typing import Any, List, Optional, Sequence, Tuple

from mypy.nodes import (
    ARG_NAMED, ARG_NAMED_OPT, ARG_OPT, ARG_POS, CallExpr, Decorator, FuncDef, MypyFile, NameExpr,
    OverloadedFuncDef, Var,
)
from mypy.types import CallableType, Instance, TupleType, Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.inner_places import call_arguments
from mypy_plugin.callbacks.reworded_arguments import parsed, typed_here
from typedflux.shapes.bind import Bindings, Mismatch, rigid_mismatch
from typedflux.shapes.errors import ShapeError

__all__ = ["overload_words", "overload_said", "said_twice"]

# The signature hook's words when no overload item takes a call's shapes (the callee's name).
_NO_ITEM = re.compile(r'^No overload of "(?P<f>[^"]+)" takes these shapes: ')
# mypy's names of a tensor type, alone or as a ``*``/``**`` argument's container of them.
_TENSOR = r'Tensor\[[^"|]*\]'
_GIVEN = re.compile(rf'^"(?:{_TENSOR}|\*(?:list|tuple|Sequence)\[{_TENSOR}(?:, \.\.\.)?\]'
                    rf'|\*\*dict\[str, {_TENSOR}\])"$')
_EXPECTED = re.compile(rf'^"{_TENSOR}"$')

Span = Tuple[str, str, int, int, int, int]


def overload_said(file: str, info: Any) -> Optional[Span]:
    """(file, callee, line, column, end line, end column) of the call a ``[shape]`` error
    ``info`` says no overload item takes, or ``None`` for any other error.

    >>> class Info:
    ...     message, line, column, end_line, end_column = 'No overload of "p" takes these shapes: x', 3, 0, 3, 9
    >>> overload_said("m.py", Info())
    ('m.py', 'p', 3, 0, 3, 9)
    """
    m = _NO_ITEM.match(info.message)
    if m is None:
        return None
    end_line = info.end_line if info.end_line is not None and info.end_line > 0 else info.line
    end_column = info.end_column if info.end_column is not None and info.end_column >= 0 else 1 << 30
    return file, m.group("f"), info.line, info.column, end_line, end_column


def said_twice(said: Optional[Span], file: str, info: Any) -> bool:
    """Whether mypy's ``[arg-type]`` error ``info`` is a tensor argument of the call ``said``
    (:func:`overload_said`) given for a tensor parameter: the shape error already reported.

    >>> class Info:
    ...     line, column = 3, 4
    ...     message = ('Argument 1 to "p" has incompatible type "**dict[str, Tensor[Literal[2], '
    ...                'Literal[7]]]"; expected "Tensor[Literal[2], Literal[8]]"')
    >>> said_twice(("m.py", "p", 3, 0, 3, 9), "m.py", Info())
    True
    >>> Info.message = 'Argument 1 to "p" has incompatible type "**dict[str, Tensor[Literal[2]]]"; expected "bool"'
    >>> said_twice(("m.py", "p", 3, 0, 3, 9), "m.py", Info())
    False
    """
    if said is None or said[0] != file:
        return False
    inside = (said[2], said[3]) <= (info.line, info.column) <= (said[4], said[5])
    p = parsed(info.message) if inside else None
    return p is not None and p[0] == said[1] and _GIVEN.match(p[5]) is not None \
        and _EXPECTED.match(p[6]) is not None


def overload_words(state: Any, file: str, info: Any) -> Optional[str]:
    """Our words for mypy's ``[arg-type]`` error ``info`` at an argument of a call of this
    module's overloaded function standing at a boundary, or ``None``."""
    p = parsed(info.message) if info is not None else None
    if p is None or p[2] is not None or (p[3] is None and p[4] is None):
        return None  # (a method's: mypy's error stays)
    tree = state.modules.get(info.module or "")
    if not isinstance(tree, MypyFile):
        return None
    hit = call_arguments(tree).get((info.line, info.column))
    call = hit[0] if hit is not None else None
    func = call.callee.node if call is not None and isinstance(call.callee, NameExpr) else None
    if call is None or hit is None or not isinstance(func, OverloadedFuncDef) or func.name != p[1]:
        return None
    from mypy.checker_state import checker_state
    from mypy.messages import format_type

    checker = checker_state.type_checker
    if checker is None or getattr(checker, "path", None) != file:
        return None
    if any(k not in (ARG_POS, ARG_NAMED) for k in call.arg_kinds) or \
            (p[4] or None) != call.arg_names[hit[1]] or (p[3] or hit[1] + 1) != hit[1] + 1:
        return None  # (``*xs``/``**d``; or not the argument mypy's message names)
    typed = [typed_here(checker, a) for a in call.args]
    actuals = [t for t in typed if t is not None]
    if len(actuals) != len(typed) or format_type(actuals[hit[1]], state.options) != p[5]:
        return None  # (not the argument's type as mypy names it)
    result = _result(func, actuals, call.arg_names)
    if result is None:
        return None
    return _at_boundary(checker, tree, call, result)


def _result(func: OverloadedFuncDef, actuals: List[Type],
            names: Sequence[Optional[str]]) -> Optional[Any]:
    """The shape the one overload item that takes ``actuals`` (by position, or by keyword
    where ``names`` has one) gives, or ``None`` (no item, or several, or a result or an
    argument that is not a tensor). A size of the item's own that no argument binds (``H``
    of a parameter ``h: Tensor[B, H] = ...`` left out) is unknown: ``Tensor[B, T, ?]``."""
    shapes = [translate.shape_of(a) for a in actuals]
    if any(s is None for s in shapes):
        return None  # (something not a tensor: nothing proven)
    found: List[Any] = []
    for item in func.items:
        sig = item.func.type if isinstance(item, Decorator) else \
            item.type if isinstance(item, FuncDef) else None
        if not isinstance(sig, CallableType):
            return None
        formals = _formals(sig, names)
        if formals is None:
            continue  # (this item cannot be called so: mypy rules it out too)
        patterns = [translate.shape_of(sig.arg_types[k]) for k in formals]
        ret = translate.shape_of(sig.ret_type)
        if ret is None or any(q is None for q in patterns):
            return None  # (something not a tensor: nothing proven)
        bindings = Bindings(func.name)
        try:
            for k, pattern, actual in zip(formals, patterns, shapes):
                label = sig.arg_names[k] or f"#{k + 1}"
                bindings.bind(f'argument "{label}"', pattern, actual)  # type: ignore[arg-type]
        except ShapeError:
            continue
        for v in sig.variables:  # (an item's own size no argument gave: ``h=...`` left out)
            if v.name not in bindings.dims:
                bindings.dims[v.name] = translate.UNKNOWN
        found.append(bindings.substitute(ret))
    return found[0] if len(found) == 1 else None


def _formals(sig: CallableType, names: Sequence[Optional[str]]) -> Optional[List[int]]:
    """The parameter of ``sig`` each argument reaches (by position, or by its keyword in
    ``names``); ``None`` when the arguments do not fill ``sig``'s plain parameters exactly
    (a required one left out, one given twice, one no parameter takes, ``*args``)."""
    if any(k not in (ARG_POS, ARG_OPT, ARG_NAMED, ARG_NAMED_OPT) for k in sig.arg_kinds):
        return None
    out: List[int] = []
    for i, name in enumerate(names):
        if name is None:
            k = i if i < len(sig.arg_kinds) and sig.arg_kinds[i] in (ARG_POS, ARG_OPT) else -1
        else:
            k = sig.arg_names.index(name) if name in sig.arg_names else -1
        if k < 0 or k in out:
            return None
        out.append(k)
    if any(kind in (ARG_POS, ARG_NAMED) and k not in out for k, kind in enumerate(sig.arg_kinds)):
        return None
    return out


def _at_boundary(checker: Any, tree: MypyFile, call: CallExpr, result: Any) -> Optional[str]:
    """The boundary's words for ``call``'s ``result`` against the annotation it meets (a
    return, a yield, an annotated assignment; or an item of a tuple or list display there)."""
    from mypy_plugin.callbacks.boundaries import boundary_message, function_declares
    from mypy_plugin.callbacks.boundary_index import statement_boundary

    where = statement_boundary(tree, call)
    if where is None:
        return None
    declared: Optional[Type] = None
    if where.kind in ("return", "yield"):
        declared = function_declares(checker, where.kind)
    elif where.kind == "assign" and where.annotated and isinstance(where.lvalue, NameExpr) \
            and isinstance(where.lvalue.node, Var):
        declared = where.lvalue.node.type
    if declared is None:
        return None
    declared = _item(declared, where.part)
    pattern = translate.shape_of(declared) if declared is not None else None
    if pattern is None:
        return None
    verdict = rigid_mismatch(pattern, result)
    if not isinstance(verdict, Mismatch):
        return None
    return boundary_message(where, pattern, result, verdict.axis)


def _item(declared: Type, part: Optional[str]) -> Optional[Type]:
    """The type of the place ``part`` (``tuple item 1``, ``list item 0``) in ``declared``."""
    if part is None:
        return declared
    words = part.split(" ")
    if len(words) != 3 or words[1] != "item" or not words[2].isdigit():
        return None
    t = get_proper_type(declared)
    if words[0] == "tuple" and isinstance(t, TupleType) and int(words[2]) < len(t.items):
        return t.items[int(words[2])]
    if words[0] == "list" and isinstance(t, Instance) and len(t.args) == 1:
        return t.args[0]
    return None
