"""Shape rules of the fused normalising ops: ``softmax``, ``logsoftmax``, ``logsumexp``.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["softmax"].rule(x=(2, 10), axis=-1), SPECS["logsumexp"].rule(x=(2, 10), axis=1, keepdims=True)
((2, 10), (2, 1))
"""

from __future__ import annotations

from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.rules_reduce import AxisArg, reduce_shape
from typedflux.shapes.shape import Shape, locate_axis

__all__ = ["softmax_shape", "logsoftmax_shape", "logsumexp_shape"]

_X = a("x", Kind.TENSOR, required=True)


@spec("softmax", _X, a("axis", Kind.INT, -1), functions=("softmax",), methods=("softmax",))
def softmax_shape(x: Shape, axis: int = -1) -> Shape:
    """``softmax(x, axis)``: the shape of ``x``; ``axis`` must exist.

    >>> softmax_shape(())
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Axis out of range for "softmax": x has Tensor[()]; need 0 <= axis < 0 (axis -1)
    """
    locate_axis(x, axis, "softmax")
    return x


@spec("logsoftmax", _X, a("axis", Kind.INT, -1), functions=("logsoftmax",),
      methods=("logsoftmax",))
def logsoftmax_shape(x: Shape, axis: int = -1) -> Shape:
    """``logsoftmax(x, axis)``: the shape of ``x``; ``axis`` must exist.

    >>> logsoftmax_shape((3, 4), 0)
    (3, 4)
    """
    locate_axis(x, axis, "logsoftmax")
    return x


@spec("logsumexp", _X, a("axis", Kind.AXIS, None), a("keepdims", Kind.BOOL, False),
      functions=("logsumexp",))
def logsumexp_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``logsumexp(x, axis, keepdims)``: a reduction, as ``sum``.

    >>> logsumexp_shape((3, 4), -1)
    (3,)
    """
    return reduce_shape(x, axis, keepdims, "logsumexp")
