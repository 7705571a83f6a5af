"""Shape rules of tensor creation: ``zeros``, ``ones``, ``randn``, ``rand``, ``full``, ``arange``.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["zeros"].rule(shape=(32, 784)), SPECS["arange"].rule(start=2, stop=10, step=3)
((32, 784), (3,))
"""

from __future__ import annotations

import math
import operator
from typing import Optional, Sequence, Union

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import UNKNOWN, Dim, Expr, Star, Unknown
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import Shape, as_dims, surely_nonneg

__all__ = ["creation_shape", "arange_shape"]


def creation_shape(shape: Sequence[Dim], op: str = "zeros") -> Shape:
    """The shape of a new tensor of sizes ``shape``; negative sizes are an error.

    >>> creation_shape((3, -1))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Negative size for "zeros": shape is (3, -1); need sizes >= 0 (-1 at position 1)
    """
    out = as_dims(shape)
    for i, d in enumerate(out):
        if isinstance(d, Star):
            raise CannotTell("creation shape of unknown rank")
        if isinstance(d, int) and d < 0:
            raise ShapeError(messages.negative_size(op, out, i, d))
    return out


def _creator(name: str, *extra: object) -> None:
    def rule(shape: Sequence[Dim], **_: object) -> Shape:
        return creation_shape(shape, name)

    rule.__name__ = f"{name}_shape"
    rule.__qualname__ = rule.__name__
    rule.__doc__ = f'Shape rule of "{name}": the sizes given, each >= 0.'
    spec(name, a("shape", Kind.DIMS, required=True), *extra,  # type: ignore[arg-type]
         functions=(name,), primitive=False, differentiable=False)(rule)


for _name in ("zeros", "ones", "randn", "rand"):
    _creator(_name, a("dtype", Kind.IGNORED, None))
_creator("full", a("value", Kind.IGNORED, required=True), a("dtype", Kind.IGNORED, None))

Number = Union[Dim, float]


def _plain(v: Number) -> Number:
    # numpy integers and floats stand for Python ones.
    if isinstance(v, (int, float, Expr, Unknown)):
        return v
    if hasattr(v, "__index__"):
        return operator.index(v)
    return float(v)


@spec("arange", a("start", Kind.DIM, required=True), a("stop", Kind.DIM, None),
      a("step", Kind.DIM, 1), functions=("arange",), primitive=False, differentiable=False)
def arange_shape(start: Number, stop: Optional[Number] = None, step: Number = 1) -> Shape:
    """``arange(start, stop=None, step=1)`` (numpy semantics: ``arange(n)`` is ``arange(0, n)``).

    Float bounds work as in numpy (``ceil((stop - start) / step)`` elements).

    >>> from typedflux.shapes.dims import sym
    >>> arange_shape(sym("N")), arange_shape(0, sym("N"), 2), arange_shape(5, 2)
    ((N,), ((N + 1)//2,), (0,))
    >>> arange_shape(0.0, 1.0, 0.25)
    (4,)
    """
    start, step = _plain(start), _plain(step)
    stop = None if stop is None else _plain(stop)
    if stop is None:
        start, stop = 0, start
    if isinstance(step, (int, float)) and step == 0:
        raise ShapeError(messages.zero_step("arange"))
    if isinstance(start, float) or isinstance(stop, float) or isinstance(step, float):
        if all(isinstance(v, (int, float)) for v in (start, stop, step)):
            return (max(0, math.ceil((stop - start) / step)),)  # type: ignore[operator]
        return (UNKNOWN,)
    if type(start) is int and type(stop) is int and type(step) is int:
        # ceil((stop - start) / step) in ints (len(range()) overflows a C ssize_t).
        return (max(0, -((start - stop) // step)),)
    if isinstance(start, Unknown) or isinstance(stop, Unknown) or not isinstance(step, int):
        return (UNKNOWN,)
    span = stop - start if step > 0 else start - stop
    if surely_nonneg(span):
        k = abs(step)
        return ((span + (k - 1)) // k,)
    if surely_nonneg(-span):
        return (0,)
    return (UNKNOWN,)
