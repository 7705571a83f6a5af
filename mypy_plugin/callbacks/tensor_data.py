"""Data made from a tensor: ``x.numpy()`` and ``x.numpy().tolist()`` have ``x``'s shape.

``Tensor.numpy`` returns the tensor's own array, and numpy's ``tolist`` nests lists as deep as
the array's shape; typeshed types ``tolist()`` as ``Any``, so an op that takes array-like data
(``tf.onehot(tf.onecold(y).numpy().tolist(), 10)``) would see data of unknown rank. Such an
argument takes its shape from the tensor it was made from.
"""

from __future__ import annotations

from typing import Callable, Optional

from mypy.nodes import CallExpr, Expression, MemberExpr
from mypy.types import Instance, Type, get_proper_type

from mypy_plugin import translate

__all__ = ["tensor_of_data"]

_NUMPY = "typedflux.tensor.Tensor.numpy"


def _no_arg_call(e: Expression, method: str) -> Optional[Expression]:
    """``obj`` when ``e`` is ``obj.<method>()``."""
    if isinstance(e, CallExpr) and not e.args and isinstance(e.callee, MemberExpr):
        if e.callee.name == method:
            return e.callee.expr
    return None


def tensor_of_data(
    e: Expression, lookup: Callable[[Expression], Optional[Type]]
) -> Optional[Type]:
    """The tensor type whose data ``e`` is (``x.numpy()``, ``x.numpy().tolist()``), or None.

    >>> from mypy.nodes import NameExpr
    >>> tensor_of_data(NameExpr("x"), lambda e: None) is None
    True
    """
    array = _no_arg_call(e, "tolist")
    base = _no_arg_call(array if array is not None else e, "numpy")
    if base is None:
        return None
    t = lookup(base)
    p = get_proper_type(t) if t is not None else None
    if not isinstance(p, Instance) or not translate.is_tensor(p):
        return None
    method = p.type.get_method("numpy")
    # A subclass's own ``numpy`` may return anything.
    return p if method is not None and method.fullname == _NUMPY else None
