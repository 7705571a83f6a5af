"""Shape rules of elementwise ops: broadcasting binaries, comparisons, ``where``, unary maps.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["add"].rule(x=(3, 1), y=(4,))
(3, 4)
>>> SPECS["relu"].rule(x=(2, 3))
(2, 3)
"""

from __future__ import annotations

from typing import Dict, Tuple

from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.shape import Shape, broadcast_all, broadcast_pair

__all__ = ["binary_shape", "where_shape", "unary_shape", "clamp_shape"]

_X = a("x", Kind.TENSOR, required=True)
_Y = a("y", Kind.TENSOR, required=True)


def binary_shape(x: Shape, y: Shape, op: str = "add") -> Shape:
    """``Tensor[*X] op Tensor[*Y] -> Tensor[broadcast(X, Y)]`` (numpy broadcasting, rigid symbols).

    >>> binary_shape((2, 3), (3,), "mul")
    (2, 3)
    """
    if x == y or not y:
        return x
    if not x:
        return y
    return broadcast_pair(x, y, op)


def _binary(name: str, methods: tuple[str, ...], reflected: tuple[str, ...] = (),
            functions: tuple[str, ...] = (), differentiable: bool = True) -> None:
    # Training loops broadcast the same few shape pairs over and over: remember results.
    seen: Dict[Tuple[Shape, Shape], Shape] = {}

    def rule(x: Shape, y: Shape) -> Shape:
        if x == y or not y:
            return x
        if not x:
            return y
        try:
            out = seen.get((x, y))
        except TypeError:  # an unhashable shape (a list): no memo
            return broadcast_pair(tuple(x), tuple(y), name)
        if out is None:
            out = broadcast_pair(x, y, name)
            if len(seen) >= 512:
                seen.clear()
            seen[(x, y)] = out
        return out

    rule.__name__ = f"{name}_shape"
    rule.__qualname__ = rule.__name__
    rule.__doc__ = f'Shape rule of "{name}": broadcast ``x`` with ``y``.'
    spec(name, _X, _Y, functions=functions, methods=methods, reflected=reflected,
         differentiable=differentiable, elementwise=True)(rule)


_binary("add", ("__add__",), ("__radd__",))
_binary("sub", ("__sub__",), ("__rsub__",))
_binary("mul", ("__mul__",), ("__rmul__",))
_binary("div", ("__truediv__",), ("__rtruediv__",))
_binary("pow", ("__pow__",), ("__rpow__",))
_binary("maximum", (), (), ("maximum",))
_binary("minimum", (), (), ("minimum",))
for _name in ("eq", "ne", "lt", "le", "gt", "ge"):
    _binary(_name, (f"__{_name}__",), differentiable=False)


@spec("where", a("cond", Kind.TENSOR, required=True), _X, _Y, functions=("where",))
def where_shape(cond: Shape, x: Shape, y: Shape) -> Shape:
    """``where(cond, x, y)``: the broadcast of all three shapes.

    >>> where_shape((3, 1), (1, 4), (4,))
    (3, 4)
    """
    if cond == x == y:
        return x
    return broadcast_all((cond, x, y), "where", names=("cond", "x", "y"))


def unary_shape(x: Shape) -> Shape:
    """Shape rule of an elementwise unary map: ``Tensor[*X] -> Tensor[*X]``.

    >>> unary_shape((2, 3))
    (2, 3)
    """
    return x


def _unary(name: str, functions: tuple[str, ...], methods: tuple[str, ...] = (),
           *extra: object) -> None:
    def rule(x: Shape, **_: object) -> Shape:
        return x

    rule.__name__ = f"{name}_shape"
    rule.__qualname__ = rule.__name__
    rule.__doc__ = f'Shape rule of "{name}": the shape of ``x``, unchanged.'
    spec(name, _X, *extra, functions=functions, methods=methods,  # type: ignore[arg-type]
         elementwise=True)(rule)


_unary("neg", (), ("__neg__",))
for _name in ("exp", "log", "sqrt", "tanh", "sigmoid", "relu", "sin", "cos"):
    _unary(_name, (_name,), (_name,))  # x.exp(), as in torch
for _name in ("gelu", "swish", "softplus"):
    _unary(_name, (_name,))
_unary("abs", ("abs",), ("__abs__", "abs"))
_unary("leakyrelu", ("leakyrelu",), (), a("a", Kind.IGNORED, 0.01))
_unary("elu", ("elu",), (), a("alpha", Kind.IGNORED, 1.0))


@spec("clamp", _X, a("min", Kind.IGNORED, None), a("max", Kind.IGNORED, None),
      functions=("clamp",), methods=("clamp",))
def clamp_shape(x: Shape) -> Shape:
    """``clamp(x, min, max)``: the shape of ``x`` (the bounds are numbers, not tensors).

    Not flagged elementwise: it needs a bound, so it has no default call to take a fast lane.

    >>> clamp_shape((2, 3))
    (2, 3)
    """
    return x
