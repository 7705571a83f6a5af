"""Dims of another function's type variables, met in a signature out of that function.

A ``Callable`` parameter of ``__init__`` kept in an attribute (``def __init__(self, act:
Callable[[Tensor[B, 4]], Tensor[B, 4]]): self.act = act``) carries ``B``, ``__init__``'s own
type variable, into the attribute's type. Called later, in another method or at module
level (``self.act(tf.zeros(2, 4))``, ``net.act(tf.zeros(5, 4))``), that ``B`` is neither
the callee's own variable (mypy did not make the callable generic) nor one of the caller's:
it stands for no size there, so it is no rigid dim (a rigid ``B`` against ``2`` would be a
false ``axis 0 is 2, expected B``). ``calls._bind`` binds such a dim like the callee's own:
one size per call, so only two arguments that disagree on it are an error.

A generic function's or class's own variable in its scope (``g(x)`` inside ``def f(g:
Callable[[Tensor[B, 4]], ...], x: Tensor[B, 4])``, or a class's ``B`` in its methods)
stays rigid: there it is the caller's size.

>>> out_of_scope(object(), [])
frozenset()
"""

from __future__ import annotations

from typing import Any, Sequence

from mypy.nodes import FuncItem
from mypy.typeops import get_type_vars
from mypy.types import Type

__all__ = ["out_of_scope"]


def out_of_scope(api: Any, types: Sequence[Type]) -> frozenset[str]:
    """Names of the function type variables in ``types`` whose function is not being
    checked where ``api`` (mypy's checker) is (neither the current function nor one around
    it); empty when mypy's scope cannot be read."""
    stack = getattr(getattr(api, "scope", None), "stack", None)
    if not isinstance(stack, list):
        return frozenset()
    # (a function's type variables have negative ids, a class's positive ones)
    leaked = {v for t in types for v in get_type_vars(t) if v.id.raw_id < 0}
    if not leaked:
        return frozenset()
    around = {f.fullname for f in stack if isinstance(f, FuncItem)}
    return frozenset(v.name for v in leaked if v.id.namespace not in around)
