"""What a call gives a body's parameters: tensors of known shape, ``None``, tuples, ``Maybe``.

A user layer's method (layer_bodies.py) runs on its call's arguments as values of the body's
evaluation (bodies.py): a tensor of the shape mypy gives the argument, ``None``, a tuple of
such values (a KV cache ``(k, v)``), or a :class:`~mypy_plugin.flow_branches.Maybe` for an
argument typed ``Optional[...]`` (the body's ``if past is None:`` then runs both branches).
A parameter is read so only when its annotation names no shape (:func:`plain`: a bare
``Tensor``, a tuple of such, an ``Optional`` of one), or is an ``int`` given a literal
(``model.generate(idx, 14)``: a count the body loops over, flow_ranges.py), and a value is
given only to a parameter whose type holds it (:func:`fits`).

>>> from mypy.types import AnyType, TypeOfAny
>>> plain(AnyType(TypeOfAny.special_form))
True
"""

from __future__ import annotations

from typing import Any, Optional

from mypy.nodes import ARG_OPT, ARG_POS, Argument, NameExpr, Var
from mypy.types import (
    AnyType, Instance, LiteralType, NoneType, TupleType, Type, UnionType, get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.bodies import tensor_value
from mypy_plugin.callbacks.declared_types import optional_member
from mypy_plugin.flow_branches import MIXED, Maybe
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.layer_config import is_int

__all__ = ["ANY", "bare", "plain", "value", "fits", "any_value", "none_default",
           "declared_result"]

ANY = tensor_value((translate.Star(None),))  # a tensor of any shape (a bare ``Tensor``)


def bare(t: Type) -> bool:
    """A parameter type that names no shape (unannotated, or a bare ``Tensor``).

    >>> from mypy.types import TypeOfAny
    >>> bare(AnyType(TypeOfAny.special_form))
    True
    """
    p = get_proper_type(t)
    return isinstance(p, AnyType) or (translate.is_tensor(p) and translate.tensor_pattern(p) is None)


def plain(t: Type) -> bool:
    """A parameter type that names no shape: a bare tensor, a tuple of such types, or an
    ``Optional`` of one (``past: Optional[Tuple[Tensor, Tensor]]``: flow_branches.py)."""
    p = get_proper_type(t)
    if isinstance(p, TupleType):
        return bool(p.items) and all(map(plain, p.items))
    if isinstance(p, UnionType):
        return optional_member(p) is not None and all(
            isinstance(get_proper_type(i), NoneType) or plain(i) for i in p.items)
    return bare(p) or _int(p)


def none_default(a: Argument) -> bool:
    """A parameter with a ``None`` default (``mask: Optional[Tensor] = None``): a call that
    leaves it out gives it ``None``.

    >>> none_default(Argument(Var("x"), None, None, ARG_POS))
    False
    """
    init = a.initializer
    return a.kind == ARG_OPT and isinstance(init, NameExpr) and init.fullname == "builtins.None"


def _int(p: Type) -> bool:
    return isinstance(p, Instance) and p.type.fullname == "builtins.int"


def _literal_int(p: Type) -> Optional[int]:
    """The int a literal argument's type holds (``14``: ``Literal[14]?``)."""
    if isinstance(p, Instance) and p.last_known_value is not None:
        p = p.last_known_value
    v = p.value if isinstance(p, LiteralType) else None
    return v if isinstance(v, int) and not isinstance(v, bool) else None  # (narrows for mypy)


def value(t: Type, names: translate.Names) -> Any:
    """The body's value for an argument of type ``t``: a tensor of known shape, ``None``, a
    tuple of such values, or a :class:`Maybe` for an ``Optional`` (CannotTell: none).

    >>> value(NoneType(), translate.Names()) is None
    True
    """
    p = get_proper_type(t)
    if isinstance(p, NoneType):
        return None
    if isinstance(p, TupleType):
        return tuple(value(i, names) for i in p.items)
    if isinstance(p, UnionType):
        inner = optional_member(p)
        if inner is None:
            raise CannotTell("a union that is not an Optional")
        return Maybe(value(inner, names))
    if _literal_int(p) is not None:
        return _literal_int(p)
    shape = translate.shape_of(p, names) if translate.is_tensor(p) else None
    if shape is None:
        raise CannotTell("an argument of no known shape (or an int not known)")
    return tensor_value(tuple(shape))


def fits(declared: Type, v: Any) -> bool:
    """Whether the value ``v`` is one of ``declared``'s (a :func:`plain` parameter type).

    >>> fits(NoneType(), None)
    True
    """
    p = get_proper_type(declared)
    if isinstance(p, AnyType):
        return True
    if isinstance(v, Maybe):
        return isinstance(p, UnionType) and fits(p, None) and fits(p, v.value)
    if isinstance(p, UnionType):
        return any(fits(i, v) for i in p.items)
    if v is None:
        return isinstance(p, NoneType)
    if isinstance(p, TupleType):
        return isinstance(v, tuple) and len(v) == len(p.items) and all(map(fits, p.items, v))
    if is_int(v):
        return _int(p)
    return not isinstance(v, tuple) and bare(p)


def any_value(declared: Type) -> Any:
    """What a parameter of type ``declared`` holds in mypy's check of the body: a tensor of
    any shape, a tuple of them, a :class:`Maybe` for an ``Optional``.

    >>> from mypy.types import TypeOfAny
    >>> any_value(AnyType(TypeOfAny.special_form)) is ANY
    True
    """
    p = get_proper_type(declared)
    if isinstance(p, TupleType):
        return tuple(map(any_value, p.items))
    if isinstance(p, UnionType):
        inner = optional_member(p)
        return Maybe(any_value(inner)) if inner is not None else MIXED
    return translate.UNKNOWN if _int(p) else ANY  # (an ``int``: a size not known)


def declared_result(t: Type) -> Any:
    """The value a method's declared result stands for in mypy's check of the body that
    calls it: a tensor of any shape (or a tuple of them).

    >>> from mypy.types import TypeOfAny
    >>> declared_result(AnyType(TypeOfAny.special_form)) is ANY
    True
    """
    p = get_proper_type(t)
    if isinstance(p, TupleType):
        return tuple(map(declared_result, p.items))
    if bare(p):
        return ANY
    raise CannotTell("a method whose declared result is not read here")
