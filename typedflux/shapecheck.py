"""``@shapecheck``: check a function's ``Tensor[...]`` annotations at run time, per call.

The same annotation mypy's plugin proves statically is enforced here where the checker could
not see: symbolic dims are bound at each call (unification shared with the plugin, in
``typedflux.shapes.bind``), every tensor argument and the return value are checked, and a
mismatch raises ``ShapeError`` naming the argument, the annotation, the actual shape and the
bindings so far.

>>> from typing import TypeVar
>>> import typedflux as tf
>>> from typedflux import Tensor
>>> B = TypeVar("B", bound=int)
>>> @tf.shapecheck
... def first_half(x: Tensor[B, "2*N"]) -> Tensor[B, "N"]:
...     return x[:, : x.shape[1] // 2]
>>> first_half(tf.zeros(3, 8)).shape
(3, 4)
>>> first_half(tf.zeros(3, 7))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: Shape mismatch for "first_half": argument "x" has Tensor[3, 7], annotated Tensor[B, 2*N]; need size 2*N at axis 1 (got 7)
  B=3
"""

from __future__ import annotations

import functools
import inspect
import sys
import typing
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar, cast

from typing_extensions import Literal, TypeVarTuple, Unpack

from typedflux.shapes.bind import Bindings
from typedflux.shapes.dims import UNKNOWN, Star, sym
from typedflux.shapes.parse import parse_dim
from typedflux.shapes.shape import SDim, Shape
from typedflux.tensor import Tensor

__all__ = ["shapecheck", "annotation_shape"]

F = TypeVar("F", bound=Callable[..., Any])

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
        return arg
    if isinstance(arg, str):
        return parse_dim(arg)
    if isinstance(arg, TypeVar):
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
        return parse_dim(arg.__forward_arg__)
    raise TypeError(f"cannot read {arg!r} as a dim of a Tensor annotation")


class _Checked:
    """The parsed annotations of one function, read lazily (forward references resolve late)."""

    __slots__ = ("params", "result")

    def __init__(self, fn: Callable[..., Any]) -> None:
        hints = _hints(fn)
        self.params: Dict[str, Shape] = {}
        for name, ann in hints.items():
            if name == "return":
                continue
            pattern = annotation_shape(ann)
            if pattern is not None:
                self.params[name] = pattern
        self.result: Tuple[Tuple[int, Shape], ...] = _result_patterns(hints.get("return"))


def _hints(fn: Callable[..., Any]) -> Dict[str, Any]:
    raw = dict(getattr(fn, "__annotations__", {}))
    globalns = getattr(fn, "__globals__", {})
    out: Dict[str, Any] = {}
    for name, ann in raw.items():
        if isinstance(ann, str):
            # ``from __future__ import annotations``: evaluate in the function's module.
            ann = eval(ann, globalns, {})  # noqa: S307 - the user's own annotation text
        out[name] = ann
    return out


def _result_patterns(ann: Any) -> Tuple[Tuple[int, Shape], ...]:
    """Patterns of a return annotation: one Tensor, or a tuple holding Tensors at positions."""
    if ann is None:
        return ()
    pattern = annotation_shape(ann)
    if pattern is not None:
        return ((-1, pattern),)
    if typing.get_origin(ann) is tuple:
        found = []
        for i, item in enumerate(typing.get_args(ann)):
            p = annotation_shape(item)
            if p is not None:
                found.append((i, p))
        return tuple(found)
    return ()


def shapecheck(fn: F) -> F:
    """Check ``fn``'s ``Tensor[...]`` annotations on every call; keeps ``fn``'s signature.

    Symbolic dims (TypeVars, names in string dims, ``*Bs``) are bound per call, so nested and
    recursive calls each have their own bindings. Unknown dims (``int``, ``Any``) and
    arguments that are not tensors are not checked. Works on methods (a layer's ``__call__``).

    >>> import typedflux as tf
    >>> from typedflux import Tensor
    >>> @tf.shapecheck
    ... def affine(x: Tensor["B", 3], w: Tensor[3, "K"]) -> Tensor["B", "K"]:
    ...     return x @ w
    >>> affine(tf.ones(2, 3), tf.ones(3, 5)).shape
    (2, 5)
    >>> affine(tf.ones(2, 4), tf.ones(4, 5))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Shape mismatch for "affine": argument "x" has Tensor[2, 4], annotated Tensor[B, 3]; need size 3 at axis 1 (got 4)
      B=2
    """
    signature = inspect.signature(fn)
    name = fn.__qualname__
    parsed: List[_Checked] = []

    @functools.wraps(fn)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if not parsed:
            parsed.append(_Checked(fn))
        spec = parsed[0]
        env = Bindings(name)
        if spec.params:
            bound = signature.bind(*args, **kwargs)
            for pname, pattern in spec.params.items():
                value = bound.arguments.get(pname)
                if isinstance(value, Tensor):
                    env.bind(f'argument "{pname}"', pattern, value.shape)
        result = fn(*args, **kwargs)
        for index, pattern in spec.result:
            value = result if index == -1 else _item(result, index)
            if isinstance(value, Tensor):
                what = "return value" if index == -1 else f"return value [{index}]"
                env.bind(what, pattern, value.shape)
        return result

    return cast(F, checked)


def _item(result: Any, index: int) -> Any:
    try:
        return result[index]
    except (TypeError, IndexError, KeyError):
        return None

