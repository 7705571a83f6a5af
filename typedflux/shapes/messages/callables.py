"""Messages of a function, a layer or an object passed or assigned where an annotation asks
for a callable of tensors (a ``Callable[[Tensor[...]], Tensor[...]]``, a protocol), and of a
layer returned or assigned against a layer annotation (``Dense[784, 32]``). The detail after
the colon is the boundaries' own (``axis 1 is 16, expected 8``).

>>> print(layer_argument_refuses("f", "enc", "Dense(10 => 4) refuses Tensor[B, 12]"))
Argument "enc" of "f" cannot take the input its annotation gives: Dense(10 => 4) refuses Tensor[B, 12]
"""

from __future__ import annotations

from typing import Optional, Sequence

from typedflux.shapes.messages.boundaries import _boundary_detail, _does_not_match
from typedflux.shapes.messages.shape_text import fmt_shape

__all__ = [
    "function_assignment_mismatch",
    "function_value_mismatch",
    "function_argument_mismatch",
    "layer_argument_mismatch",
    "layer_argument_refuses",
    "protocol_member_mismatch",
    "layer_boundary_mismatch",
]


def function_assignment_mismatch(
    target: str,
    part: str,
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
) -> str:
    """A function (a ``def``, a lambda) assigned to a variable annotated as a ``Callable`` of
    tensors, whose ``part`` (``"return"``, ``"parameter 1"``) has other sizes than the
    annotation's (static only: a variable annotation is not evaluated at run time).

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> print(function_assignment_mismatch("head", "return", (B, 2), (B, 3), 1))
    Value assigned to "head" is a function whose return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2
    """
    return function_value_mismatch(f'Value assigned to "{target}"', part, annotated, got, axis)


def function_value_mismatch(
    value: str,
    part: str,
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    place: Optional[str] = None,
) -> str:
    """A function (a lambda) met by a ``Callable`` annotation: ``value`` says where
    (``Value assigned to "f"``, ``Return value``, ``Argument "default_factory" of
    "field"``), ``part`` which of its shapes differs, ``place`` the item of a display it
    returns (static only: the run time does not check what a lambda returns).

    >>> from typedflux.shapes.dims import sym
    >>> print(function_value_mismatch("Return value", "return", (sym("B"), 4), (sym("B"), 3), 1))
    Return value is a function whose return shape Tensor[B, 3] does not match the annotation Tensor[B, 4]: axis 1 is 3, expected 4
    >>> print(function_value_mismatch("Return value", "return", (2, 4), (2, 6), 1, "list item 0"))
    Return value is a function whose return shape Tensor[2, 6] (list item 0) does not match the annotation Tensor[2, 4]: axis 1 is 6, expected 4
    """
    where = f" ({place})" if place else ""
    return (
        f"{value} is a function whose {part} shape {fmt_shape(got)}{where} "
        + _does_not_match(annotated, got, axis, None)
    )


def function_argument_mismatch(
    function: str,
    param: str,
    part: str,
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
) -> str:
    """A function passed for a ``Callable[[Tensor[...]], Tensor[...]]`` parameter whose own
    annotation of ``part`` (``"return"``, ``"parameter 1"``) asks for other sizes (static only:
    the run time cannot read a passed function's annotations before calling it).

    >>> from typedflux.shapes.dims import sym
    >>> print(function_argument_mismatch("apply", "f", "return", (sym("B"), 8), (sym("B"), 16), 1))
    Argument "f" of "apply" is a function whose return shape Tensor[B, 16] does not match the annotation Tensor[B, 8]: axis 1 is 16, expected 8
    """
    return (
        f'Argument "{param}" of "{function}" is a function whose {part} shape '
        f"{fmt_shape(got)} " + _does_not_match(annotated, got, axis, None)
    )


def layer_argument_mismatch(
    function: str,
    param: str,
    layer: str,
    takes: Sequence[object],
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
) -> str:
    """A layer passed for a parameter typed as a callable of tensors (a ``Protocol`` whose
    ``__call__`` is annotated, a ``Callable[[Tensor[...]], Tensor[...]]``) whose output for
    the input the annotation gives (``takes``) is not the annotation's output.

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> print(layer_argument_mismatch("embed", "enc", "Dense(12 => 6)", (B, 12), (B, 4), (B, 6), 1))
    Argument "enc" of "embed" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, 12] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4
    """
    return (
        f'Argument "{param}" of "{function}" is {layer}, whose output {fmt_shape(got)} for '
        f"{fmt_shape(takes)} " + _does_not_match(annotated, got, axis, None)
    )


def layer_argument_refuses(function: str, param: str, why: str) -> str:
    """A layer passed for a parameter typed as a callable of tensors that refuses the input
    the annotation gives; ``why`` is the layer's own error.

    >>> print(layer_argument_refuses("embed", "enc", "Dense(10 => 4) expects input Tensor[..., 10], got Tensor[B, 12]"))
    Argument "enc" of "embed" cannot take the input its annotation gives: Dense(10 => 4) expects input Tensor[..., 10], got Tensor[B, 12]
    """
    return f'Argument "{param}" of "{function}" cannot take the input its annotation gives: {why}'


def protocol_member_mismatch(
    function: str,
    param: str,
    cls: str,
    protocol: str,
    member: str,
    slot: Optional[str],
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
) -> str:
    """An object passed for a protocol whose method annotates another shape than the
    protocol's member (``slot``: the parameter it takes, ``None`` for the result).

    >>> print(protocol_member_mismatch("use", "p", "Impl", "HasH", "step", None, (2, 16), (2, 8), 1))
    Argument "p" of "use" is Impl, whose "step" returns Tensor[2, 8] where protocol "HasH" returns Tensor[2, 16]: axis 1 is 8, expected 16
    """
    verb = "returns" if slot is None else "takes"
    where = "" if slot is None else f' for "{slot}"'
    return (
        f'Argument "{param}" of "{function}" is {cls}, whose "{member}" {verb} {fmt_shape(got)}'
        f'{where} where protocol "{protocol}" {verb} {fmt_shape(annotated)}: '
        f"{_boundary_detail(annotated, got, axis)}"
    )


def layer_boundary_mismatch(
    kind: str,
    layer: str,
    annotation: str,
    field: str,
    got: object,
    expected: object,
    target: str = "",
) -> str:
    """A layer returned, assigned or yielded where its annotation asks for other sizes;
    ``kind`` is ``"return"``, ``"assign"`` or ``"yield"``, ``field`` the differing size's name
    (``"layer 2 out_features"`` inside a Chain).

    >>> print(layer_boundary_mismatch("assign", "Dense(784 => 64)", "Dense[784, 32]",
    ...                               "out_features", 64, 32, "fc"))
    Assigned layer Dense(784 => 64) does not match the annotation Dense[784, 32] of "fc": out_features is 64, expected 32
    >>> print(layer_boundary_mismatch("return", "Chain(Dense(4 => 8), Dense(8 => 3))",
    ...                               "Chain[Dense[4, 8], Dense[8, 2]]", "layer 2 out_features", 3, 2))
    Return layer Chain(Dense(4 => 8), Dense(8 => 3)) does not match the annotation Chain[Dense[4, 8], Dense[8, 2]]: layer 2 out_features is 3, expected 2
    """
    head = {"assign": "Assigned", "yield": "Yielded"}.get(kind, "Return")
    of = f' of "{target}"' if kind == "assign" and target else ""
    return (f"{head} layer {layer} does not match the annotation {annotation}{of}: "
            f"{field} is {got}, expected {expected}")
