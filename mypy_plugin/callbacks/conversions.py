"""``x.item()`` of a tensor whose shape proves it holds other than one element.

``item()`` converts a one-element tensor to a Python number; on a per-class loss vector or
a batch it raises at run time (a ``ShapeError``, in the words :func:`item_hook` reports). A
shape proves the count is not one when one of its dims is a literal other than 1 (0 leaves
no element, 2 or more leave several, whatever the other dims); symbolic or unknown dims
alone prove nothing (``B`` may be 1).

>>> element_count_not_one((4, 1)), element_count_not_one((1, 1)), element_count_not_one(())
(True, False, False)
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from mypy.plugin import MethodContext
from mypy.types import Type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.codes import SHAPE
from typedflux.shapes import messages

__all__ = ["item_hook", "element_count_not_one"]


def element_count_not_one(shape: Sequence[object]) -> bool:
    """Whether ``shape`` holds, for every value of its symbols, other than one element."""
    return any(isinstance(d, int) and not isinstance(d, bool) and d != 1 for d in shape)


def item_hook() -> Callable[[Any], Type]:
    """The method hook for ``Tensor.item``.

    >>> callable(item_hook())
    True
    """

    def hook(ctx: MethodContext) -> Type:
        shape = translate.shape_of(ctx.type)
        if shape is not None and element_count_not_one(shape):
            ctx.api.fail(messages.one_element_needed("item()", shape), ctx.context, code=SHAPE)
        return ctx.default_return_type

    return guarded("item()", hook, lambda ctx: ctx.default_return_type)
