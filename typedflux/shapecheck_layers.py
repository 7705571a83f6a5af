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
from typing import Any, Dict, Optional, Tuple, TypeVar

from typedflux.shapecheck import evaluated_annotations
from typedflux.shapecheck_dims import Pattern, _dim_of, annotation_shape
from typedflux.shapecheck_constants import reading
from typedflux.shapes.bind import Bindings
from typedflux.shapes.dims import UNKNOWN, Dim, Star, symbols
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.protocol_members import Signature, member_mismatch
from typedflux.tensor import Tensor

__all__ = [
    "callable_patterns", "callable_own", "check_layer_argument", "check_layer_with_bound",
    "protocol_members", "check_protocol_argument",
]


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
        takes, gives = _applied(ann, cls, takes), _applied(ann, cls, gives)
    return None if takes is None and gives is None else (takes, gives)


def _type_arguments(ann: Any, cls: type) -> Dict[str, Dim]:
    """A generic protocol's parameters by name, with the dims an annotation gives them
    (``Module[I, H]``: ``In`` is ``I``, ``Out`` is ``H``), as mypy reads its ``__call__``."""
    params = getattr(cls, "__parameters__", ())
    args = typing.get_args(ann) if typing.get_origin(ann) is not None else ()
    if len(args) != len(params):
        return {}
    out: Dict[str, Dim] = {}
    for p, arg in zip(params, args):
        if isinstance(p, TypeVar):
            try:
                d = _dim_of(arg)
            except (TypeError, ValueError):
                d = UNKNOWN
            out[p.__name__] = UNKNOWN if isinstance(d, Star) else d
    return out


def _applied(ann: Any, cls: type, pattern: Pattern) -> Pattern:
    if pattern is None:
        return None
    given = _type_arguments(ann, cls)
    if not given:
        return pattern
    env = Bindings("")
    env.dims = dict(given)
    return env.substitute(pattern)


def callable_own(ann: Any) -> frozenset[str]:
    """The dims a protocol's ``__call__`` binds itself (its own type variables, ``B`` of
    ``__call__(self, x: Tensor[B, In]) -> Tensor[B, Out]``), as names: not the enclosing
    function's, even when spelled alike. None for a ``Callable[...]`` (its dims are the
    function's).

    >>> from typing import Callable
    >>> callable_own(Callable[[Tensor[3, 4]], Tensor[3, 2]])
    frozenset()
    """
    origin = typing.get_origin(ann)
    cls = origin if origin is not None else ann
    if origin is collections.abc.Callable or not isinstance(cls, type):
        return frozenset()
    patterns = callable_patterns(cls)
    if patterns is None:
        return frozenset()
    params = {getattr(p, "__name__", "") for p in getattr(cls, "__parameters__", ())}
    return frozenset(n for pattern in patterns if pattern is not None
                     for d in pattern if not isinstance(d, Star) for n in symbols(d)) - params


def check_layer_with_bound(
    env: Bindings, pname: str, value: Any, takes: Pattern, gives: Pattern, own: frozenset[str]
) -> None:
    """A layer passed for a generic callable parameter (``f: Module[I, H]``), checked again
    once the call's tensors bound its dims (``I = 5`` from ``x``), then binding what its
    output gives (``H = 8`` from ``Dense(4, 8)``): the plugin's rule and words
    (``mypy_plugin/callbacks/protocol_dims.py``).

    >>> import typedflux as tf
    >>> from typedflux.shapes.dims import sym
    >>> env = Bindings("apply")
    >>> env.bind('argument "x"', (sym("I"),), (5,))
    >>> check_layer_with_bound(env, "f", tf.Dense(4, 8), (sym("B"), sym("I")),
    ...                        (sym("B"), sym("O")), frozenset({"B"}))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Argument "f" of "apply" cannot take the input its annotation gives: Dense(4 => 8) expects input Tensor[..., 4], got Tensor[B, 5]; need size 4 at axis -1 (got 5)
    """
    if value is None or isinstance(value, (Tensor, type)) or inspect.isroutine(value):
        return
    from typedflux.layers.callables import shape_item
    from typedflux.shapes.layer_params import layer_output, layer_parameter_mismatch, learned_dims

    item = shape_item(value)
    if item is None or takes is None:
        return
    sub = Bindings(env.function)
    sub.dims = {k: v for k, v in env.dims.items() if k not in own}
    sub.stars = {k: v for k, v in env.stars.items() if k not in own}
    bound_takes = sub.substitute(takes)
    bound_gives = sub.substitute(gives) if gives is not None else None
    if (bound_takes, bound_gives) != (takes, gives):
        message = layer_parameter_mismatch(env.function, pname, item, bound_takes, bound_gives)
        if message is not None:
            raise ShapeError(message)
    out = layer_output(item, bound_takes)
    learned = learned_dims(bound_gives, out, own) if out is not None and bound_gives else None
    if learned is not None and out is not None:
        env.bind(f'argument "{pname}"', learned, out)


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


def _runtime_signature(fn: Any) -> Optional[Signature]:
    try:
        hints = evaluated_annotations(fn)
        names = [n for n in inspect.signature(fn).parameters][1:]  # (after ``self``)
        with reading(getattr(fn, "__globals__", {})):
            params = [(n, annotation_shape(hints[n]) if n in hints else None) for n in names]
            ret = annotation_shape(hints.get("return"))
    except Exception:  # an annotation this check cannot read is not checked
        return None
    return params, ret


def protocol_members(ann: Any) -> Optional[Dict[str, Signature]]:
    """The tensor-annotated methods of a ``Protocol`` class (not one with a ``__call__``:
    :func:`callable_patterns`), by name, as the plugin reads them
    (``mypy_plugin/callbacks/protocol_members.py``); ``None`` for anything else.

    >>> protocol_members(int) is None
    True
    """
    cls = typing.get_origin(ann) or ann
    if not (isinstance(cls, type) and getattr(cls, "_is_protocol", False)):
        return None
    out: Dict[str, Signature] = {}
    for klass in cls.__mro__:
        if klass is object or not getattr(klass, "_is_protocol", False):
            continue
        for name, fn in vars(klass).items():
            if name == "__call__":
                return None
            if name in out or not inspect.isfunction(fn) or name.startswith("__"):
                continue
            sig = _runtime_signature(fn)
            if sig is not None and (sig[1] is not None or any(p is not None for _, p in sig[0])):
                out[name] = sig
    return out or None


def check_protocol_argument(
    function: str, pname: str, value: Any, protocol: Any, members: Dict[str, Signature]
) -> None:
    """An object passed for a protocol with tensor-annotated methods: each of its class's
    methods of those names must annotate the same written sizes (the plugin's rule and words,
    ``typedflux.shapes.protocol_members``)."""
    cls = type(value)
    for member, wanted in members.items():
        fn = getattr(cls, member, None)
        if not inspect.isfunction(fn):
            continue
        given = _runtime_signature(fn)
        if given is None:
            continue
        name = (typing.get_origin(protocol) or protocol).__name__
        message = member_mismatch(function, pname, cls.__name__, name, member, wanted, given)
        if message is not None:
            raise ShapeError(message)
