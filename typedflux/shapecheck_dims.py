"""How ``@tf.shapecheck`` reads a ``Tensor[...]`` annotation's dims: ints, string
expressions, TypeVars that are sizes, ``*Bs`` runs, ``int``/``Any`` (unknown), class
constants; a TypeVar bound to another type is refused in the plugin's words.

>>> from typing import TypeVar
>>> from typedflux import Tensor
>>> annotation_shape(Tensor[TypeVar("B", bound=int), 784])
(B, 784)
"""

from __future__ import annotations

import builtins
import sys
import typing
from typing import Any, Optional, TypeVar

from typing_extensions import Literal, TypeVarTuple, Unpack

from typedflux.shapecheck_constants import constant_named, with_constants
from typedflux.shapes import messages
from typedflux.shapes.dims import UNKNOWN, Star, sym
from typedflux.shapes.parse import parse_dim
from typedflux.shapes.shape import SDim, Shape
from typedflux.tensor import Tensor

__all__ = ["Pattern", "annotation_shape"]

# An annotation that is a Tensor gives a pattern; anything else gives None (not checked).
Pattern = Optional[Shape]


def annotation_shape(annotation: Any) -> Pattern:
    """The shape pattern of a ``Tensor[...]`` annotation, or ``None`` for other annotations.

    >>> from typing import TypeVar
    >>> N = TypeVar("N", bound=int)
    >>> annotation_shape(Tensor[N, 784, "(N - 3)//2 + 1", int])
    (N, 784, (N + 1)//2 - 1, ?)
    >>> annotation_shape(Tensor[()]), annotation_shape(int)
    ((), None)
    """
    if typing.get_origin(annotation) is not Tensor:
        return None
    args = typing.get_args(annotation)
    if args == ((),):
        return ()
    return tuple(_dim_of(a) for a in args)


def _dim_of(arg: Any) -> SDim:
    if isinstance(arg, bool):
        raise TypeError(f"a dim cannot be a bool: {arg!r}")
    if isinstance(arg, int):
        if arg < 0:  # the plugin's words for the same annotation
            raise ValueError(messages.negative_dim(arg))
        return arg
    if isinstance(arg, str):
        named = constant_named(arg)  # ``"Cfg.CTX"``: a class's Final constant
        return named if named is not None else with_constants(parse_dim(arg))
    if isinstance(arg, TypeVar):
        if not _size_var(arg):  # (``bound=str``: the plugin refuses it in the same words)
            raise TypeError(messages.dim_var_not_int(arg.__name__))
        return sym(arg.__name__)
    if isinstance(arg, TypeVarTuple):  # Python 3.11 spells *Bs as the TypeVarTuple's unpacking
        return Star(arg.__name__)
    origin = typing.get_origin(arg)
    if origin is Literal or origin is typing.Literal:
        (value,) = typing.get_args(arg)
        return _dim_of(value)
    if origin is Unpack or (sys.version_info >= (3, 11) and origin is typing.Unpack):
        (inner,) = typing.get_args(arg)
        return Star(getattr(inner, "__name__", None))
    if arg is int or arg is Any:
        return UNKNOWN
    if isinstance(arg, typing.ForwardRef):
        return with_constants(parse_dim(arg.__forward_arg__))
    raise TypeError(f"cannot read {arg!r} as a dim of a Tensor annotation")


def _size_var(tv: Any) -> bool:
    """Whether a TypeVar may stand for a dim: bound to ``int`` (or a subclass), or unbounded
    with no values (pyright's ``N = TypeVar("N")``), as the plugin reads it
    (``mypy_plugin/translate/common.is_dim_var``). A bound written as a string that names no
    builtin type is taken to be a size (it cannot be resolved here; the plugin resolves it).

    >>> _size_var(TypeVar("N", bound=int)), _size_var(TypeVar("N")), _size_var(TypeVar("S", bound=str))
    (True, True, False)
    >>> _size_var(TypeVar("V", int, str)), _size_var(TypeVar("N", bound="int"))
    (False, True)
    """
    if tv.__constraints__:
        return False
    bound = tv.__bound__
    if isinstance(bound, typing.ForwardRef):
        bound = getattr(builtins, bound.__forward_arg__, None)
        if not isinstance(bound, type):
            return True
    if bound is None or bound is object:
        return True
    return isinstance(bound, type) and issubclass(bound, int)
