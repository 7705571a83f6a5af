"""A user generic class's instance at an annotation boundary: ``return Box(x[1:])`` for
``-> Box[B]``, ``b: Box[Literal[3]] = Box(tf.zeros(2, 16))``, ``b: Box[Tensor[2, 4]] =
make(...)`` of a ``Box[Tensor[2, 3]]``.

mypy compares such a value with its annotation as types: its ``[return-value]`` or
``[assignment]`` error says ``Box[Literal['B - 1']]`` (the string encoding of a dim), under a
code ``# type: ignore[shape]`` does not cover, and nothing says which type argument is wrong.
The constructor's or method's own hook runs with the annotation as its type context
(``boundaries.check_boundary``), so :func:`generic_boundary` compares the two instances' type
arguments there, by the rule a tensor at the boundary is compared by
(``typedflux.shapes.rigid.rigid_mismatch``):

- a type argument of an ``int``-bound TypeVar is a dim: ``B - 1`` against ``B`` differs for
  every ``B``; an unknown dim (``int``, ``Any``) differs from nothing;
- a tensor type argument (``Box[Tensor[B, 4]]``) is compared as a tensor's shape, axis by axis;
- any other type argument must be the same type, or mypy decides (its own error stays).

A provable difference is a ``[shape]`` error in the boundary's words, naming the type
argument and both dims (``messages.generic_boundary_mismatch``: ``Return value Box[B - 1] does
not match the annotation Box[B]: type argument 0 is B - 1, expected B``), and the hook hands
mypy the annotated type, so mypy's own check passes and does not repeat it. So does a
difference that cannot be proven (an unknown dim): no error, as for a tensor.

The run time cannot check these boundaries: Python erases a generic instance's type
arguments (docs/errors.md, "Generic classes over dims").

>>> generic_boundary(None, None, None) is None
True
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from mypy.maptype import map_instance_to_supertype
from mypy.subtypes import is_same_type, is_subtype
from mypy.types import Instance, Type, TypeVarType, UnionType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.boundary_index import Boundary, boundary_of
from mypy_plugin.callbacks.declared_types import boundary_declares, optional_member
from mypy_plugin.codes import SHAPE
from typedflux.shapes import messages
from typedflux.shapes.bind import RIGID_UNKNOWN, Mismatch, rigid_mismatch

__all__ = ["generic_boundary", "boundary_words"]

# Classes of the standard library, typing and typedflux: never a user generic class (their
# boundaries are mypy's or other hooks'); tested first, by name, on every hook's result.
_NOT_USER = ("builtins.", "typing.", "typedflux.", "collections.", "numpy.", "_collections_abc.")

# The boundaries said here, and the words their value takes.
_VALUE = {"return": "Return value", "yield": "Yielded value", "assign": "Assigned value"}


class _Unproven(Exception):
    """A type argument that differs in something other than a dim or a shape: mypy decides."""


def generic_boundary(ctx: Any, expected: Optional[Type], result: Optional[Type]) -> Optional[Type]:
    """``result`` (a hook's result, typed with the annotation ``expected`` as its context)
    checked when both are instances of one user generic class: the annotated type to hand
    mypy after a ``[shape]`` error, or after a difference in unknown dims only; ``None``
    when there is nothing to say (mypy's own check stands). With no context, a value assigned
    to a name the next statement returns or yields (``b = Box(x[1:]); return b``) is checked
    against the function's annotation and reported at that name, as a tensor is."""
    r = get_proper_type(result) if result is not None else None
    if not isinstance(r, Instance) or not r.args or r.type.fullname.startswith(_NOT_USER):
        return None  # (every hook's result passes here: a name test first)
    at, where = ctx.context, None
    if expected is None:
        where = boundary_of(ctx.api, ctx.context, returned_next=True)
        if where is None:
            return None
        expected = boundary_declares(ctx.api, where)
        at = where.at
    pair = _compared(expected, r)
    if pair is None:
        return None
    e, r = pair
    where = where or boundary_of(ctx.api, ctx.context)
    if where is None or where.kind not in _VALUE or not _declared(ctx.api, where):
        return None  # (an argument: generic_dims.py; a name typed by its first value: mypy's)
    words = boundary_words(where.kind, e, r, where.target if where.kind == "assign" else None,
                           where.part)
    if words is None:
        return None if _unproven(e, r) else e  # (dims that may be equal: accepted, as a tensor's)
    ctx.api.fail(words, at, code=SHAPE)
    return e


def _compared(expected: Optional[Type], r: Instance) -> Optional[Tuple[Instance, Instance]]:
    """(the annotation's instance, the value's as that class) when both are one user generic
    class's and the value is no subtype of the annotation; else ``None``."""
    e = _annotated(expected)
    if e is None or (r.type is not e.type and not r.type.has_base(e.type.fullname)):
        return None
    if r.type is not e.type:
        r = map_instance_to_supertype(r, e.type)
    if len(r.args) != len(e.args) or is_subtype(r, e):
        return None
    return e, r


def _unproven(e: Instance, r: Instance) -> bool:
    try:
        _first_mismatch(e, r)
    except _Unproven:
        return True
    return False


def boundary_words(kind: str, expected: Optional[Type], result: Optional[Type],
                   target: Optional[str] = None, part: Optional[str] = None) -> Optional[str]:
    """The words of a ``kind`` boundary (``return``, ``yield``, ``assign`` to ``target``)
    where ``result``, a user generic class's instance, provably differs from the annotation
    ``expected`` (also a name's type read at a ``return``: ``reworded.py``); ``None`` when
    nothing is proven or either is no such instance.

    >>> boundary_words("return", None, None) is None
    True
    """
    r = get_proper_type(result) if result is not None else None
    pair = _compared(expected, r) if isinstance(r, Instance) and r.args and \
        not r.type.fullname.startswith(_NOT_USER) and kind in _VALUE else None
    if pair is None:
        return None
    e, r = pair
    try:
        found = _first_mismatch(e, r)
    except _Unproven:
        return None
    if found is None:
        return None
    index, axis = found
    return messages.generic_boundary_mismatch(
        _VALUE[kind], e.type.name, _arguments(e), _arguments(r), index,
        target=target, part=part, axis=axis)


def _annotated(expected: Optional[Type]) -> Optional[Instance]:
    """The user generic class an annotation asks for: ``Box[B]``, or the one member of an
    ``Optional[Box[B]]`` (None fits both: the Box is compared)."""
    e = get_proper_type(expected) if expected is not None else None
    if isinstance(e, UnionType):
        member = optional_member(e)
        e = get_proper_type(member) if member is not None else None
    if not isinstance(e, Instance) or not e.args or e.type.fullname.startswith(_NOT_USER):
        return None
    return e


def _declared(api: Any, where: Boundary) -> bool:
    """Whether an assignment's target has a declared type (a return or yield always has)."""
    if where.kind != "assign":
        return True
    from mypy_plugin.callbacks.boundaries import target_origin  # (boundaries imports this module)

    return target_origin(api, where) == "declared"


def _is_dim(e: Instance, k: int) -> bool:
    """Whether type argument ``k`` of ``e``'s class is a dim (an ``int``-bound TypeVar)."""
    tvs = e.type.defn.type_vars
    tv = tvs[k] if k < len(tvs) else None
    return isinstance(tv, TypeVarType) and translate.is_int_bound(tv)


def _first_mismatch(e: Instance, r: Instance) -> Optional[Tuple[int, Optional[int]]]:
    """(type argument, axis in it for a tensor) of the first provable difference between the
    annotation ``e`` and the value ``r``; ``None`` when each difference may be no difference
    (an unknown dim); raises :class:`_Unproven` for a difference of another kind."""
    found: Optional[Tuple[int, Optional[int]]] = None
    for k, (want, have) in enumerate(zip(e.args, r.args)):
        if is_same_type(want, have):
            continue
        if _is_dim(e, k):
            pattern: Any = (translate.dim_of_type(want, default=translate.UNKNOWN),)
            got: Any = (translate.dim_of_type(have, default=translate.UNKNOWN),)
        elif translate.is_tensor(want) and translate.is_tensor(have):
            pattern, got = translate.shape_of(want), translate.shape_of(have)
        else:
            raise _Unproven
        if pattern is None or got is None:
            raise _Unproven
        verdict = rigid_mismatch(pattern, got)
        if verdict == RIGID_UNKNOWN:
            raise _Unproven  # (variadic runs that cannot be aligned)
        if isinstance(verdict, Mismatch) and found is None:
            found = (k, None if _is_dim(e, k) else verdict.axis)
    return found


def _arguments(t: Instance) -> List[object]:
    """``t``'s type arguments as message items: a dim, a tensor's dims (a tuple), or a type's
    own text."""
    out: List[object] = []
    for k, a in enumerate(t.args):
        if _is_dim(t, k):
            out.append(translate.dim_of_type(a, default=translate.UNKNOWN))
        elif translate.is_tensor(a) and translate.shape_of(a) is not None:
            out.append(tuple(translate.shape_of(a) or ()))
        else:
            out.append(str(a))
    return out
