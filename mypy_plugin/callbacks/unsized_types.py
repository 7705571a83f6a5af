"""A type with its sizes forgotten: what a container that mixes sizes gives back.

A generic holder typed by its first value (``callbacks/inferred_receivers.py``) or a
container given other sizes through its class's method (``callbacks/unbound_adders.py``)
holds tensors of any shape and layers of any size: what is read from it is typed with
every tensor's shape and every layer's sizes unknown (``Tensor[*tuple[Any, ...]]``,
``Dense[Any, Any]``).

>>> callable(unsized)
True
"""

from __future__ import annotations

from mypy.plugin import CheckerPluginInterface
from mypy.type_visitor import TypeTranslator
from mypy.types import (
    AnyType, Instance, Type, TypeAliasType, TypeOfAny, UnpackType, get_proper_type,
)

from mypy_plugin import translate

__all__ = ["unsized"]

_MODULE = "typedflux.layers.core.Module"


class _Unsized(TypeTranslator):
    """A type with every tensor's shape unknown and every layer's sizes unknown."""

    def __init__(self, tuple_any: Type) -> None:
        super().__init__()
        self.tuple_any = tuple_any

    def visit_instance(self, t: Instance) -> Type:
        if translate.is_tensor(t):
            return t.copy_modified(args=[UnpackType(self.tuple_any)])
        if t.args and t.type.has_base(_MODULE):
            return t.copy_modified(args=[
                UnpackType(self.tuple_any) if isinstance(a, UnpackType)
                else AnyType(TypeOfAny.special_form) for a in t.args])
        return super().visit_instance(t)

    def visit_type_alias_type(self, t: TypeAliasType) -> Type:
        return get_proper_type(t).accept(self)


def unsized(api: CheckerPluginInterface, t: Type) -> Type:
    """``t`` with every tensor's shape and every layer's sizes unknown (``list[Dense[8, 16]]``
    is ``list[Dense[Any, Any]]``).

    >>> unsized.__name__
    'unsized'
    """
    tuple_any = api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
    return t.accept(_Unsized(tuple_any))
