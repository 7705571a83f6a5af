"""Which member of a union annotation a tensor argument must be, for ``@tf.shapecheck``.

``Optional[Tensor[B, 4]]`` and ``Union[Tensor[B, 4], int]`` take a tensor only as their one
``Tensor[...]`` member, so a tensor argument is checked against it (``None`` or an ``int``
argument is not a tensor, and not checked). A union where a tensor could also be another
member (``object``, a protocol, a base or subclass of Tensor, another ``Tensor[...]``) is not
read: any tensor fits it. The mypy plugin reads a union parameter by the same rule
(``mypy_plugin/callbacks/boundaries.py``, ``tensor_member``).

>>> from typing import Optional, Union
>>> from typedflux import Tensor
>>> tensor_member(Union[Tensor[2, 4], int]) == Tensor[2, 4]
True
>>> tensor_member(Union[Tensor[2, 4], object]) == Union[Tensor[2, 4], object]
True
>>> tensor_member(Optional[Tensor[3]]) == Tensor[3]
True
"""

from __future__ import annotations

import types
import typing
from typing import Any

from typedflux.tensor import Tensor

__all__ = ["tensor_member"]


def tensor_member(ann: Any) -> Any:
    """The one ``Tensor[...]`` member of a union ``ann`` whose other members no tensor is
    (``None``, ``int``, a class unrelated to Tensor); ``ann`` itself otherwise."""
    if typing.get_origin(ann) not in (typing.Union, types.UnionType):
        return ann
    members = typing.get_args(ann)
    shaped = [m for m in members if typing.get_origin(m) is Tensor]
    if len(shaped) != 1:
        return ann
    for m in members:
        if m is shaped[0]:
            continue
        if not isinstance(m, type) or issubclass(Tensor, m) or issubclass(m, Tensor) \
                or getattr(m, "_is_protocol", False):
            return ann  # a tensor could be this member too: nothing proven
    return shaped[0]
