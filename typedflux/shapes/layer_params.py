"""A layer passed for a parameter typed as a callable of tensors.

A function may take any layer through a ``Protocol`` whose ``__call__`` is annotated
(``def __call__(self, x: Tensor[B, 12]) -> Tensor[B, 4]``) or a ``Callable[[Tensor[B, 12]],
Tensor[B, 4]]``. The layer passed (a built-in layer, a ``Chain``, a container, a user layer
with a typed ``__call__``) is its shape rule (its *item*, :mod:`typedflux.shapes.items`):
:func:`layer_parameter_mismatch` runs it on the input the annotation gives and compares its
output with the annotation's. The plugin (``mypy_plugin/callbacks/calls.py``, from the
argument's type) and ``@tf.shapecheck`` (from the argument itself, before the call) both call
it, so both say the same words. Only what holds for every size is reported: the layer must
refuse the input with the annotation's names made unknown, or its output must differ from
the annotation at a literal size or in rank (symbolic dims of the two signatures are never
compared).

>>> from typedflux.shapes.dims import sym
>>> from typedflux.shapes.items import layer_item
>>> from typedflux.shapes.layers_basic import DenseConfig
>>> B = sym("B")
>>> print(layer_parameter_mismatch("embed", "enc", layer_item(DenseConfig(12, 6)), (B, 12), (B, 4)))
Argument "enc" of "embed" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, 12] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4
>>> layer_parameter_mismatch("embed", "enc", layer_item(DenseConfig(12, 4)), (B, 12), (B, 4)) is None
True
>>> print(layer_parameter_mismatch("embed", "enc", layer_item(DenseConfig(12, 6)), (B, sym("N")), (B, 4)))
Argument "enc" of "embed" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, N] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4
"""

from __future__ import annotations

from typing import Optional

from typedflux.shapes import messages
from typedflux.shapes.bind import literal_mismatch
from typedflux.shapes.dims import UNKNOWN, Star, symbol_name
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.items import (
    Item,
    apply_item,
    erase_names,
    fresh_scope,
    holds_for_any_size,
    item_text,
)
from typedflux.shapes.layer_config import Shape

__all__ = ["layer_parameter_mismatch", "layer_output", "learned_dims"]


def layer_parameter_mismatch(
    function: str,
    param: str,
    item: Item,
    takes: Optional[Shape],
    gives: Optional[Shape],
) -> Optional[str]:
    """The message for the layer ``item`` passed as ``param`` of ``function``, a parameter
    annotated as a callable from ``takes`` to ``gives`` (either ``None`` when not a tensor
    pattern), when the layer provably does not fit it; ``None`` otherwise."""
    if takes is None:
        return None
    with fresh_scope():
        try:
            out = apply_item(item, takes)
        except CannotTell:
            return None
        except ShapeError as err:
            if holds_for_any_size(lambda x: apply_item(item, x), takes):
                return messages.layer_argument_refuses(function, param, err.brief)
            # It fails only with the annotation's names held rigid (``Tensor[B, N]`` for a
            # Dense(12, 6)): its output for some size may still differ from the annotation's.
            least = _least_erased(item, takes)
            if least is None:
                return None
            out = least
    if gives is None:
        return None
    found = literal_mismatch(gives, out)
    if found is None:
        return None
    return messages.layer_argument_mismatch(
        function, param, item_text(item), takes, gives, out, found.axis
    )


def _least_erased(item: Item, takes: Shape) -> Optional[Shape]:
    """The layer's output for ``takes`` with as few of its names made unknown as it needs to
    take it: one axis's (the others keep their names in the message), else all."""
    erased = erase_names(takes)
    for i, d in enumerate(erased):
        if d is takes[i]:
            continue
        try:
            return apply_item(item, takes[:i] + (d,) + takes[i + 1:])
        except (CannotTell, ShapeError):
            continue
    try:
        return apply_item(item, erased)
    except (CannotTell, ShapeError):
        return None


def layer_output(item: Item, takes: Shape) -> Optional[Shape]:
    """The layer's output for ``takes`` (``None`` when its rule cannot tell, or refuses it):
    what a generic protocol's result dims are bound to (``Module[I, H]`` given ``Dense(4,
    8)`` for ``Tensor[B, 4]`` gives ``H = 8``).

    >>> from typedflux.shapes.dims import sym
    >>> from typedflux.shapes.items import layer_item
    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> layer_output(layer_item(DenseConfig(4, 8)), (sym("B"), 4))
    (B, 8)
    >>> layer_output(layer_item(DenseConfig(4, 8)), (sym("B"), 5)) is None
    True
    """
    with fresh_scope():
        try:
            return apply_item(item, takes)
        except (CannotTell, ShapeError):
            return None


def learned_dims(gives: Shape, out: Shape, own: frozenset[str]) -> Optional[Shape]:
    """What a layer's output ``out`` binds of a callable annotation's result ``gives``: its
    symbols not in ``own`` (the callable's own type variables) where ``out`` has a written
    size, every other dim unknown; ``None`` when that binds nothing (or the shapes do not
    line up: other ranks, a variadic run).

    >>> from typedflux.shapes.dims import sym
    >>> learned_dims((sym("B"), sym("H")), (sym("B"), 8), frozenset({"B"}))
    (?, H)
    """
    if len(out) != len(gives) or any(isinstance(d, Star) for d in (*out, *gives)):
        return None
    pattern = tuple(
        d if (name := symbol_name(d)) is not None and name not in own and type(o) is int
        else UNKNOWN
        for d, o in zip(gives, out))
    return pattern if any(d is not UNKNOWN for d in pattern) else None
