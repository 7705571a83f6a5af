"""Names a loop grows: mypy's union of their shapes where they meet an annotation.

Under ``allow_redefinition`` (the README's configuration) a name a loop rebinds, in a
function or at module level, is typed at an annotated name or a ``return`` after the loop as
the union of its first type and the loop's. When the shape changes from pass to pass (``g =
tf.zeros(2, 8)``; ``for _ in range(k): g = tf.stack([g, g], axis=1)``; ``while x.shape[1] < n:
x = tf.cat(x, x, axis=1)``) the plugin cannot tell it after the second pass, so a member of the
union has unknown sizes (``Tensor[*tuple[Any, ...]]``, ``Tensor[4, Any]``), and mypy reports
the union against the annotation in ``Literal`` words, though the program runs.

- :func:`grown`: such an error is dropped when that member fits the annotation (unknown dims
  are never an error). A loop whose passes all give one shape (``for _ in range(n): acc = acc
  + x``) has no such member and keeps the check: with no pass, the first type is returned.
- :func:`joined_mismatch`: when the shape all the members share (``Tensor[4, ?]``) provably
  differs from the annotation, every pass gives a wrong shape, and the error is said in that
  shape's words (``Assigned shape Tensor[4, ?] does not match the annotation Tensor[3, 16]``).

``bare_values.py`` asks both, at mypy's error on a bare name (tests/typecheck/case_loop_grown.py).

>>> from mypy.nodes import Var
>>> grown([], Var("g"), None)  # not a union: nothing to drop
False
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from mypy.nodes import (
    ForStmt, NameExpr, Statement, Var, WhileStmt,
)
from mypy.subtypes import is_subtype
from mypy.types import Type, UnionType, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.bare_boundaries import verdict_at
from mypy_plugin.callbacks.loop_accumulators import rebinding
from mypy_plugin.statements import walk
from typedflux.shapes.bind import Mismatch

__all__ = ["grown", "joined_mismatch"]


def grown(body: Sequence[Statement], var: Var, declared: Type) -> bool:
    """Whether ``var`` (a name mypy typed as a union of tensors) is rebound inside a ``for``
    or ``while`` loop among ``body`` (a function's statements or a module's) and a member of
    its union with unknown sizes fits ``declared``."""
    union = get_proper_type(var.type) if var.type is not None else None
    if not isinstance(union, UnionType) or not any(
            _unknown_sized(i) and is_subtype(i, declared) for i in union.items):
        return False
    return any(
        isinstance(loop, (ForStmt, WhileStmt))
        and any(rebinding(st, var) is not None for st in walk(loop.body.body, scopes=False))
        for loop in walk(body, scopes=False))


def joined_mismatch(
    name: NameExpr, declared: Type, where: Any, said: Callable[[Type], bool]
) -> Optional[str]:
    """Our words for a name mypy typed as a union of tensors (a loop rebinds it; a
    conditional value), when the shape all its members share provably differs from
    ``declared``'s (then every member's does: ``Tensor[4, ?]`` for ``Tensor[4, 8] | Tensor[4,
    16] | Tensor[4, Any]`` against ``Tensor[3, 16]``) and ``said`` (mypy's words are the
    union's); ``None`` otherwise.

    >>> joined_mismatch(NameExpr("g"), None, None, bool) is None  # not a variable's union
    True
    """
    from mypy_plugin.callbacks.boundaries import boundary_message

    var = name.node
    union = get_proper_type(var.type) if isinstance(var, Var) and var.type is not None else None
    if not isinstance(union, UnionType):
        return None
    pattern, got = translate.shape_of(declared), translate.joined_shape(union)
    if pattern is None or got is None or not said(union):
        return None
    verdict = verdict_at(where.kind, pattern, got)
    return boundary_message(where, pattern, got, verdict.axis) \
        if isinstance(verdict, Mismatch) else None


def _unknown_sized(t: Type) -> bool:
    # A tensor type with an unknown dim or of unknown rank (``Tensor[4, Any]``).
    shape = translate.shape_of(t)
    return shape is not None and any(
        d is translate.UNKNOWN or (isinstance(d, translate.Star) and d.name is None)
        for d in shape)
