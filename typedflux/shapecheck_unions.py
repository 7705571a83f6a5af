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
from typing import Any, List, Optional

from typedflux.tensor import Tensor

__all__ = ["tensor_member", "tensor_members"]


def tensor_member(ann: Any) -> Any:
    """The one ``Tensor[...]`` member of a union ``ann`` whose other members no tensor is
    (``None``, ``int``, a class unrelated to Tensor); ``ann`` itself otherwise."""
    members = tensor_members(ann)
    return members[0] if members is not None and len(members) == 1 else ann


def tensor_members(ann: Any) -> Optional[List[Any]]:
    """The ``Tensor[...]`` members of a union ``ann`` whose other members no tensor is, in
    order; ``None`` when ``ann`` is no such union. A tensor given for
    ``Union[Tensor[B, 32], Tensor[B, T, 32]]`` must fit one of them
    (``typedflux.shapes.bind.Bindings.bind_union``).

    >>> from typing import Union
    >>> tensor_members(Union[Tensor[2, 4], Tensor[2, 3, 4], None]) == [Tensor[2, 4], Tensor[2, 3, 4]]
    True
    >>> tensor_members(Union[Tensor[2, 4], Tensor[2, 3, 4], object]) is None
    True
    """
    if typing.get_origin(ann) not in (typing.Union, types.UnionType):
        return None
    members = typing.get_args(ann)
    shaped = [m for m in members if typing.get_origin(m) is Tensor]
    if not shaped:
        return None
    for m in members:
        if typing.get_origin(m) is Tensor:
            continue
        if not isinstance(m, type) or issubclass(Tensor, m) or issubclass(m, Tensor) \
                or getattr(m, "_is_protocol", False):
            return None  # a tensor could be this member too: nothing proven
    return shaped
