"""What an annotation declares, read as a tensor: the function's return or yield type
(:func:`function_declares`), the Tensor type an annotation asks for, alone or as the one
Tensor member of a union (:func:`declared_tensor`, :func:`tensor_member`,
:func:`tensor_members`). Used by the boundary checks (``callbacks/boundaries.py``, which
re-exports them) and by the hooks that type a value against its annotation.

>>> declared_tensor(UnionType([])) is None
True
"""

from __future__ import annotations

from typing import Any, List, Optional

from mypy.nodes import FuncDef
from mypy.types import CallableType, Instance, NoneType, Type, UnionType, get_proper_type

from mypy_plugin import translate

__all__ = ["function_declares", "boundary_declares", "optional_member", "declared_tensor",
           "tensor_member", "tensor_members"]


def function_declares(api: Any, kind: str) -> Optional[Type]:
    """What the enclosing function declares it returns (``kind`` "return") or yields.

    >>> function_declares(object(), "return") is None  # no function being checked
    True
    """
    scope = getattr(api, "scope", None)
    func = scope.current_function() if scope is not None else None
    ftype = getattr(func, "type", None)
    if not isinstance(func, FuncDef) or not isinstance(ftype, CallableType) or func.is_coroutine:
        return None
    if kind == "return":
        return None if func.is_generator else ftype.ret_type
    ret = get_proper_type(ftype.ret_type)
    if func.is_generator and isinstance(ret, Instance) and ret.args and ret.type.fullname in (
        "typing.Iterator", "typing.Iterable", "typing.Generator",
        "collections.abc.Iterator", "collections.abc.Iterable", "collections.abc.Generator",
    ):
        return ret.args[0]
    return None


def boundary_declares(api: Any, where: Any) -> Optional[Type]:
    """The type a boundary's value must fit: an annotated assignment's annotation, or what the
    enclosing function declares it returns or yields (:func:`function_declares`).

    >>> from types import SimpleNamespace
    >>> boundary_declares(object(), SimpleNamespace(kind="assign", declared="T"))
    'T'
    """
    return where.declared if where.kind == "assign" else function_declares(api, where.kind)


def optional_member(union: UnionType) -> Optional[Type]:
    """``X`` of ``Optional[X]`` (``X | None``: one member besides ``None``); None for any
    other union.

    >>> optional_member(UnionType([])) is None
    True
    """
    items = [i for i in union.items if not isinstance(get_proper_type(i), NoneType)]
    return items[0] if len(items) == 1 and len(items) < len(union.items) else None


def declared_tensor(expected: Type) -> Optional[Instance]:
    """The Tensor type an annotation asks for: ``Tensor[...]``, or the one Tensor member of
    a union a tensor can only be that member of (``Optional[Tensor[...]]``,
    ``Union[Tensor[B, 4], int]``: :func:`tensor_member`); ``None`` for anything else
    (nothing to say in shape words)."""
    p = get_proper_type(expected)
    if isinstance(p, UnionType):
        return tensor_member(p)
    if isinstance(p, Instance) and p.type.fullname == translate.TENSOR_FULLNAME:
        return p
    return None


def tensor_member(union: UnionType) -> Optional[Instance]:
    """The one ``Tensor[...]`` member of ``union`` when no tensor can be any other member
    (``None``, ``int``, a class unrelated to Tensor; not ``object``, a protocol, a base or
    subclass of Tensor, a type variable, ``Any``): a tensor given for the union must fit that
    member. ``@tf.shapecheck`` reads a union by the same rule
    (``typedflux/shapecheck_unions.py``).

    >>> tensor_member(UnionType([]))
    """
    tensors = tensor_members(union)
    return tensors[0] if tensors is not None and len(tensors) == 1 else None


def tensor_members(union: UnionType) -> Optional[List[Instance]]:
    """The ``Tensor[...]`` members of ``union``, in order, when no tensor can be any other
    member (as for :func:`tensor_member`): a tensor given for ``Union[Tensor[B, 32],
    Tensor[B, T, 32]]`` must fit one of them (``typedflux.shapes.bind.Bindings.bind_union``,
    the rule ``@tf.shapecheck`` runs: ``typedflux/shapecheck_unions.py``).

    >>> tensor_members(UnionType([]))
    """
    items = [get_proper_type(i) for i in union.items]
    tensors = [i for i in items if isinstance(i, Instance)
               and i.type.fullname == translate.TENSOR_FULLNAME]
    if not tensors:
        return None
    tensor = tensors[0]
    for item in items:
        if isinstance(item, NoneType) or any(item is t for t in tensors):
            continue
        if not isinstance(item, Instance) or item.type.is_protocol or \
                tensor.type.has_base(item.type.fullname) or item.type.has_base(tensor.type.fullname):
            return None  # a tensor could be this member too: nothing proven
    return tensors
