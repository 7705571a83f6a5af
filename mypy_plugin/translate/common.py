"""What every part of the translation shares: the Tensor class's name, static shapes, the
text a symbolic dim is stored under, the int-bound TypeVar test, and the gradual ``Any``.

>>> from typedflux.shapes.dims import sym
>>> dim_text(sym("N") * 2)
'2*N'
"""

from __future__ import annotations

from typing import Tuple, Union

from mypy.types import AnyType, Instance, TypeOfAny, TypeVarType, get_proper_type

from typedflux.shapes.dims import Dim, Star, sym

__all__ = [
    "TENSOR_FULLNAME",
    "StaticShape",
    "dim_text",
    "is_int_bound",
    "is_dim_var",
    "any_type",
    "CARRIED",
]


TENSOR_FULLNAME = "typedflux.tensor.Tensor"


StaticShape = Tuple[Union[Dim, Star], ...]
"""A static shape: dims with at most one ``Star`` (a ``*Bs`` run)."""


def dim_text(d: Dim) -> str:
    """The text a symbolic dim is stored under in ``Literal['...']`` (its normal form).

    >>> from typedflux.shapes.dims import sym
    >>> dim_text(sym("N") + sym("N") + 1)
    '2*N + 1'
    """
    return str(d)


def is_int_bound(tv: TypeVarType) -> bool:
    """Whether the TypeVar ``tv`` is bound to ``int`` (so it can stand for a dim)."""
    bound = get_proper_type(tv.upper_bound)
    return isinstance(bound, Instance) and bound.type.has_base("builtins.int")


def is_dim_var(tv: TypeVarType) -> bool:
    """Whether the TypeVar ``tv`` may stand for a dim where it is written as one (inside a
    ``Tensor[...]``): ``int``-bound, or unbounded (``N = TypeVar("N")``, as pyright's and
    PEP 646's samples write it; ``@tf.shapecheck`` binds it to a size too). A TypeVar with
    another bound or with values is not a size.
    """
    if is_int_bound(tv):
        return True
    bound = get_proper_type(tv.upper_bound)
    return not tv.values and isinstance(bound, Instance) and bound.type.fullname == "builtins.object"


def any_type(kind: int = TypeOfAny.special_form) -> AnyType:
    """``Any``: an unknown dim (gradual), or the type of a malformed one (``from_error``).

    >>> any_type()
    Any
    """
    return AnyType(kind)


CARRIED = "__typedflux_dim__"
"""The extra attribute of an ``int`` type read from ``x.shape`` that holds the dim's text
(``b, n = x.shape`` of ``Tensor[B, "4*N"]`` gives ``n: int``, and ``n // 2`` is ``2*N``)."""
