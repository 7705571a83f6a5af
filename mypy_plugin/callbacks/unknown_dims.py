"""Tensor arguments with unknown dims where a user function's parameter has known ones.

An unknown dim (``int``, ``Any``) is never a mismatch; the plugin binds a call's dims itself
(calls.py) and says nothing about it. mypy then checks each argument's type against the
parameter's, and a tensor's dims are invariant type arguments: ``Tensor[int, 8]`` (a size
from ``len(ids)`` through a generic ``def angles(t: T) -> Tensor[T, 8]``) is not a
``Tensor[Literal[5], 8]`` nor a ``Tensor[T, 8]`` whose ``T`` another argument fixed, so
``rotate(q, cos, sin)`` was `Argument 2 to "rotate" has incompatible type "Tensor[int,
Literal[8]]"; expected "Tensor[Literal[5], Literal[8]]"  [arg-type]` on a program that runs.
Where the argument's dim is unknown and the parameter's is a size or dims the call binds
otherwise (another argument, the caller's own type variables), the parameter takes ``Any``
at that axis: the plugin's binding has already checked what can be checked there. A dim only
such arguments bind keeps mypy's inference (``T`` becomes ``int``, which fits).

Also here, for calls.py's words: :func:`constructor_name`, the name ``@tf.shapecheck`` gives
a class's ``__init__``.

>>> from mypy_plugin.translate import UNKNOWN
>>> unknown_axes((4, 8), (UNKNOWN, 8))
[0]
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List

from mypy.types import (
    AnyType, CallableType, Instance, TypeOfAny, TypeVarType, UnpackType, get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.translate import UNKNOWN, Star, StaticShape

__all__ = ["unknown_axes", "loosened", "constructor_name"]


def unknown_axes(pattern: StaticShape, actual: StaticShape) -> List[int]:
    """The axes where ``actual`` has an unknown dim and ``pattern`` a known one (shapes of
    one rank without a variadic run; else none)."""
    if len(pattern) != len(actual) or any(isinstance(d, Star) for d in (*pattern, *actual)):
        return []
    return [k for k, (p, a) in enumerate(zip(pattern, actual)) if a is UNKNOWN and p is not UNKNOWN]


def loosened(sig: CallableType, axes: Dict[int, List[int]], bound: FrozenSet[str]) -> CallableType:
    """``sig`` with ``Any`` at the axes of ``axes`` (by parameter), except where the
    parameter's dim is a type variable not in ``bound`` (the dims the call binds otherwise,
    rigid ones too): mypy infers that one from the argument (``int``, which fits)."""
    if not axes:
        return sig
    arg_types = list(sig.arg_types)
    for i, found in axes.items():
        formal = get_proper_type(arg_types[i])
        if not (isinstance(formal, Instance) and formal.type.fullname == translate.TENSOR_FULLNAME):
            continue
        args = list(formal.args)
        if any(isinstance(a, UnpackType) for a in args):
            continue
        for k in found:
            at = get_proper_type(args[k]) if k < len(args) else None
            if at is None or (isinstance(at, TypeVarType) and at.name not in bound):
                continue
            args[k] = AnyType(TypeOfAny.special_form)
        arg_types[i] = formal.copy_modified(args=args)
    return sig.copy_modified(arg_types=arg_types)


def constructor_name(sig: object, name: str) -> str:
    """``Encoder.__init__`` for ``Encoder`` when ``sig`` (a call's default signature) is a
    class's ``__init__``: ``@tf.shapecheck`` names a function by its ``__qualname__``."""
    definition = getattr(sig, "definition", None)
    if getattr(definition, "name", None) == "__init__" and not name.endswith(".__init__"):
        return f"{name}.__init__"
    return name
