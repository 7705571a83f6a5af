"""A function passed for a ``Callable[[Tensor[...]], Tensor[...]]`` parameter.

mypy compares the passed function's type with the parameter's and, when a size differs,
reports ``Argument 1 to "apply" has incompatible type "Callable[[Tensor[B, Literal[4]]], ...]"``
under ``[arg-type]``. A signature hook (calls.py) runs before that comparison, so this module
finds the difference first and says it in shape words: which part of the function (its
return, a parameter) and which axis. Only what is provable is reported: both annotations
written with the same rank, no ``*Bs`` run, and two literal sizes that differ on one axis
(symbolic dims of two signatures are each their own, so they are never compared).

A parameter whose dims are the callee's own type variables (``f: Callable[[Tensor[B, I]],
Tensor[B, O]]``) is compared again once the call's other arguments have bound them
(``x: Tensor[B, I]`` given a ``Tensor[3, 5]``): ``bound_callable_mismatch`` with the
annotation's dims put in, so ``apply(widen, x)`` of a function taking ``Tensor[B, 4]`` says
which part and axis differ, where mypy says ``[arg-type]`` in ``Literal`` words.

>>> callable(callable_mismatch)
True
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from mypy.nodes import ARG_OPT, ARG_POS
from mypy.types import CallableType, Type, get_proper_type

from mypy_plugin import translate
from typedflux.shapes import messages
from typedflux.shapes.bind import literal_mismatch

__all__ = ["has_shaped_callable", "callable_mismatch", "callable_difference",
           "bound_callable_mismatch"]


def has_shaped_callable(formal: Type) -> bool:
    """Is ``formal`` a ``Callable`` whose parameters or return name tensor dims?

    >>> from mypy.types import AnyType, TypeOfAny
    >>> has_shaped_callable(AnyType(TypeOfAny.special_form))
    False
    """
    p = get_proper_type(formal)
    if not isinstance(p, CallableType):
        return False
    return any(translate.tensor_pattern(t) is not None for t in [*p.arg_types, p.ret_type])


def callable_mismatch(function: str, param: str, formal: Type, actual: Type) -> Optional[str]:
    """The message for a function ``actual`` passed as ``param`` of ``function`` whose
    annotated sizes differ provably from the ``Callable`` parameter ``formal``, else None.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> any_type = AnyType(TypeOfAny.special_form)
    >>> callable_mismatch("apply", "f", any_type, any_type) is None
    True
    """
    found = callable_difference(formal, actual)
    if found is None:
        return None
    part, annotated, got, axis = found
    return messages.function_argument_mismatch(function, param, part, annotated, got, axis)


def callable_difference(
    formal: Type, actual: Type
) -> Optional[Tuple[str, translate.StaticShape, translate.StaticShape, Optional[int]]]:
    """Where the function type ``actual`` provably differs from the ``Callable`` type
    ``formal``: the part (``"return"``, ``"parameter 1"``), the two shapes and the axis
    (``None``: the ranks); ``None`` when nothing is proven (also used for a function
    assigned to a ``Callable`` variable: ``callbacks/bare_values.py``).

    >>> from mypy.types import AnyType, TypeOfAny
    >>> callable_difference(AnyType(TypeOfAny.special_form), AnyType(TypeOfAny.special_form))
    """
    f, a = get_proper_type(formal), get_proper_type(actual)
    if not isinstance(f, CallableType) or not isinstance(a, CallableType):
        return None
    parts: List[Tuple[str, Type, Type]] = [("return", f.ret_type, a.ret_type)]
    for j, (ft, at) in enumerate(zip(f.arg_types, a.arg_types)):
        if f.arg_kinds[j] == ARG_POS and a.arg_kinds[j] in (ARG_POS, ARG_OPT):
            parts.append((f"parameter {j + 1}", ft, at))
    for part, want, have in parts:
        annotated, got = translate.tensor_pattern(want), translate.tensor_pattern(have)
        if annotated is None or got is None:
            continue
        found = literal_mismatch(annotated, got)
        if found is not None:
            return part, annotated, got, found.axis
    return None


def bound_callable_mismatch(
    function: str,
    param: str,
    takes: Optional[translate.StaticShape],
    gives: Optional[translate.StaticShape],
    actual: Type,
) -> Optional[str]:
    """The message for a function ``actual`` passed as ``param`` of ``function`` whose
    annotated sizes differ provably from what the parameter's annotation gives and asks back
    with the call's bound dims put in (``takes``, ``gives``); ``None`` otherwise (also for
    anything but a function with a first positional parameter).

    >>> from mypy.types import AnyType, TypeOfAny
    >>> bound_callable_mismatch("apply", "f", (3, 5), None, AnyType(TypeOfAny.special_form))
    """
    a = get_proper_type(actual)
    if not isinstance(a, CallableType) or not a.arg_types or a.arg_kinds[0] not in (ARG_POS, ARG_OPT):
        return None
    parts = [("return", gives, a.ret_type), ("parameter 1", takes, a.arg_types[0])]
    for part, annotated, have in parts:
        got = translate.tensor_pattern(have)
        if annotated is None or got is None:
            continue
        found = literal_mismatch(annotated, got)
        if found is not None:
            return messages.function_argument_mismatch(
                function, param, part, annotated, got, found.axis)
    return None
