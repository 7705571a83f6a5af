"""A layer passed for a parameter typed as a callable of tensors, at a call.

``def embed_all(enc: Encoder, ...)`` with ``class Encoder(Protocol)`` whose ``__call__`` takes
``Tensor[B, 12]`` and returns ``Tensor[B, 4]`` (or ``enc: Callable[[Tensor[B, 12]],
Tensor[B, 4]]``), called with ``Dense(12, 6)``: mypy compares the layer's ``__call__`` with the
protocol's and reports ``[arg-type]`` in types (``Dense[Literal[12], Literal[6]]``), and says
nothing for a ``Chain`` (whose ``__call__`` is not typed by its layers). The signature hook
(``callbacks/calls.py``) runs before that comparison: the argument's type is read as the
Chain checks read it (``callbacks/chain_items.py``), and the shared rule
(``typedflux.shapes.layer_params``, which ``@tf.shapecheck`` runs on the layer itself) says
whether it provably does not fit, in shape words.

>>> from mypy.types import AnyType, TypeOfAny
>>> callable_patterns(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from typing import Optional, Tuple

from mypy.subtypes import find_member
from mypy.types import CallableType, Instance, ProperType, Type, get_proper_type

from mypy_plugin import translate
from typedflux.shapes.layer_params import layer_parameter_mismatch

__all__ = ["callable_patterns", "is_call_protocol", "layer_argument_mismatch",
           "misses_other_member", "protocol_call"]

Patterns = Tuple[Optional[translate.StaticShape], Optional[translate.StaticShape]]


def is_call_protocol(formal: Type) -> bool:
    """Cheap: is ``formal`` a Protocol with a ``__call__`` (its own or a base protocol's)?

    >>> from mypy.types import AnyType, TypeOfAny
    >>> is_call_protocol(AnyType(TypeOfAny.special_form))
    False
    """
    p = get_proper_type(formal)
    return isinstance(p, Instance) and p.type.is_protocol and any(
        "__call__" in info.names for info in p.type.mro if info.fullname != "builtins.object")


def protocol_call(formal: Type) -> Type:
    """A Protocol's ``__call__`` as a callable without ``self`` (what a plain function passed
    for it is compared with); any other type as it is.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> isinstance(protocol_call(AnyType(TypeOfAny.special_form)), AnyType)
    True
    """
    p = get_proper_type(formal)
    if isinstance(p, Instance) and is_call_protocol(p):
        call = find_member("__call__", p, p, is_operator=True)
        if call is not None:
            return call
    return formal


def misses_other_member(formal: Type, actual: Type) -> bool:
    """Whether ``actual`` lacks a member of the Protocol ``formal`` other than ``__call__``:
    a shape error about its ``__call__`` must not hide mypy's error about that member.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> misses_other_member(AnyType(TypeOfAny.special_form), AnyType(TypeOfAny.special_form))
    False
    """
    f, a = get_proper_type(formal), get_proper_type(actual)
    if not isinstance(f, Instance) or not f.type.is_protocol:
        return False
    if isinstance(a, CallableType):
        a = a.fallback
    if not isinstance(a, Instance):
        return False
    return any(find_member(name, a, a) is None
               for name in f.type.protocol_members if name != "__call__")


def callable_patterns(formal: Type) -> Optional[Patterns]:
    """The tensor a callable parameter's annotation gives its one argument and the tensor it
    asks back (either ``None`` when not a tensor), for a ``Callable[[Tensor[...]], ...]`` or
    a Protocol with a ``__call__``; ``None`` when it names no dims or takes other than one
    positional argument."""
    p: Optional[ProperType] = get_proper_type(protocol_call(formal))
    if not isinstance(p, CallableType) or len(p.arg_types) != 1 or not p.arg_kinds[0].is_positional():
        return None
    takes = translate.tensor_pattern(p.arg_types[0])
    gives = translate.tensor_pattern(p.ret_type)
    if takes is None and gives is None:
        return None
    return takes, gives


def layer_argument_mismatch(
    function: str, param: str, patterns: Patterns, actual: Type
) -> Optional[str]:
    """The message for a layer (an instance: a built-in layer, a Chain, a container, a user
    layer class) of type ``actual`` passed as ``param`` of ``function`` for a parameter whose
    annotation gives ``patterns``, when it provably does not fit; ``None`` otherwise (a
    function passed is ``callable_args.py``'s)."""
    from mypy_plugin.callbacks.chain_items import chain_item  # (chain_items reads bodies)

    a = get_proper_type(actual)
    if not isinstance(a, Instance) or translate.is_tensor(a):
        return None
    item = chain_item(a)
    if item is None:
        return None
    return layer_parameter_mismatch(function, param, item, patterns[0], patterns[1])
