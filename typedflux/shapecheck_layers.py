"""``@shapecheck`` on a layer passed for a parameter typed as a callable of tensors.

A ``Protocol`` whose ``__call__`` takes one annotated tensor, or a ``Callable[[Tensor[...]],
Tensor[...]]``: a layer passed for it (not a function, whose annotations only the checker
reads) is run through its rule on the annotation's input before the call, with the plugin's
rule and words (``typedflux.shapes.layer_params``).

>>> from typing import Callable, TypeVar
>>> import typedflux as tf
>>> from typedflux import Tensor
>>> B = TypeVar("B", bound=int)
>>> @tf.shapecheck
... def apply(f: Callable[[Tensor[B, 4]], Tensor[B, 2]], x: Tensor[B, 4]) -> Tensor[B, 2]:
...     return f(x)
>>> apply(tf.Dense(4, 3), tf.zeros(5, 4))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: Argument "f" of "apply" is Dense(4 => 3), whose output Tensor[B, 3] for Tensor[B, 4] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2
"""

from __future__ import annotations

import collections.abc
import inspect
import typing
from typing import Any, Optional, Tuple

from typedflux.shapecheck import Pattern, annotation_shape, evaluated_annotations
from typedflux.shapecheck_constants import reading
from typedflux.shapes.errors import ShapeError
from typedflux.tensor import Tensor

__all__ = ["callable_patterns", "check_layer_argument"]


def callable_patterns(ann: Any) -> Optional[Tuple[Pattern, Pattern]]:
    """For a ``Callable[[Tensor[...]], Tensor[...]]`` or a Protocol class whose ``__call__``
    takes one tensor: the patterns of what it takes and gives (as the plugin reads them).

    >>> from typing import Callable
    >>> callable_patterns(Callable[[Tensor[3, 4]], Tensor[3, 2]]), callable_patterns(int)
    (((3, 4), (3, 2)), None)
    """
    origin = typing.get_origin(ann)
    if origin is collections.abc.Callable:
        params, ret = typing.get_args(ann)
        if not isinstance(params, list) or len(params) != 1:
            return None
        takes, gives = annotation_shape(params[0]), annotation_shape(ret)
    else:
        cls = origin if origin is not None else ann
        if not (isinstance(cls, type) and getattr(cls, "_is_protocol", False)):
            return None
        # Its own ``__call__`` or one a protocol it derives from declares (as mypy reads it).
        call = next((vars(c)["__call__"] for c in cls.__mro__ if "__call__" in vars(c)), None)
        if call is None:
            return None
        try:
            hints = evaluated_annotations(call)
        except Exception:  # an annotation Python cannot evaluate: not checked
            return None
        named = [n for n in inspect.signature(call).parameters][1:]
        if len(named) != 1 or named[0] not in hints:
            return None
        with reading(getattr(call, "__globals__", {})):  # its module's Final constants
            takes, gives = annotation_shape(hints[named[0]]), annotation_shape(hints.get("return"))
    return None if takes is None and gives is None else (takes, gives)


def check_layer_argument(
    function: str, pname: str, value: Any, takes: Pattern, gives: Pattern
) -> None:
    """A layer (not a function: its annotations are the checker's business) passed for a
    callable parameter must fit it for every size: the plugin's rule and words.

    >>> import typedflux as tf
    >>> check_layer_argument("f", "g", tf.Dense(4, 2), (3, 4), (3, 2))  # fits: nothing raised
    """
    if value is None or isinstance(value, (Tensor, type)) or inspect.isroutine(value):
        return
    from typedflux.layers.callables import shape_item
    from typedflux.shapes.layer_params import layer_parameter_mismatch

    item = shape_item(value)
    if item is None:
        return
    message = layer_parameter_mismatch(function, pname, item, takes, gives)
    if message is not None:
        raise ShapeError(message)
