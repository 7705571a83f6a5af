"""A function assigned to a variable annotated as a ``Callable`` of tensors.

``h: Callable[[Tensor[B, 4]], Tensor[B, 2]] = g`` for a ``def g(x: Tensor[B, 4]) -> Tensor[B,
3]`` runs no hook (a bare name), so mypy reports it itself: ``Incompatible types in assignment
(expression has type "Callable[[Tensor[B@g, Literal[4]]], ...]", ...)  [assignment]``. The
rewording watcher (``callbacks/reworded.py``, through ``bare_values.bare_name``) asks
:func:`assigned_function` for shape words: when mypy's message names exactly the function's
type and the annotation, and the two differ provably at a part (the return, a parameter;
``callable_args.callable_difference``, as for a function passed for a ``Callable``
parameter), the error becomes ``Value assigned to "h" is a function whose return shape
Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]``.
A lambda assigned there is checked where its body is typed (``boundary_index``, kind
``"function"``). Static only: a variable annotation is not evaluated at run time.

>>> assigned_function.__name__
'assigned_function'
"""

from __future__ import annotations

from typing import Any, Optional

from mypy.nodes import Decorator, FuncDef, NameExpr
from mypy.types import Type

from mypy_plugin.callbacks.bare_values import says
from mypy_plugin.callbacks.callable_args import callable_difference
from typedflux.shapes import messages

__all__ = ["assigned_function"]


def assigned_function(
    state: Any, info: Any, name: NameExpr, declared: Type, where: Any
) -> Optional[str]:
    """Our words for a function (``def g``) assigned to a variable annotated as a
    ``Callable`` of tensors (``h: Callable[[Tensor[B, 4]], Tensor[B, 2]] = g``) whose own
    annotations give other sizes, when mypy's message names exactly the two types."""
    node = name.node.func if isinstance(name.node, Decorator) else name.node
    actual = getattr(node, "type", None)
    if where.kind != "assign" or not isinstance(node, FuncDef) or actual is None:
        return None
    if not says(info.code.code, info.message, actual, declared, state.options):
        return None
    found = callable_difference(declared, actual)
    if found is None:
        return None
    part, annotated, got, axis = found
    return messages.function_assignment_mismatch(where.target, part, annotated, got, axis)
