"""Shape rules of ``onehot`` (labels ``S`` -> ``S + (nclasses,)``) and ``onecold`` (its inverse).

Both take array-like data as well as tensors (``Kind.ARRAY``): ``tf.onehot([3, 1, 4], 9)`` is
``Tensor[3, 9]`` statically, and a ``list[int]`` of unknown length gives ``Tensor[Any, 9]``.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["onehot"].rule(labels=(32,), nclasses=10)
(32, 10)
>>> SPECS["onecold"].rule(scores=(32, 10))
(32,)
"""

from __future__ import annotations

from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import Dim, Star
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.shape import Shape

__all__ = ["onehot_shape", "onecold_shape"]


@spec(
    "onehot",
    a("labels", Kind.ARRAY, required=True),
    a("nclasses", Kind.DIM, required=True),
    functions=("onehot",),
    primitive=False,
    differentiable=False,
)
def onehot_shape(labels: Shape, nclasses: Dim) -> Shape:
    """``onehot(labels, nclasses)``: ``Tensor[*S]`` int labels -> ``Tensor[*S, nclasses]``.

    A bad ``nclasses`` (below 1) or label is a value error, raised by ``onehot`` itself.

    >>> onehot_shape((4, 7), 96)
    (4, 7, 96)
    """
    return (*labels, nclasses)


@spec(
    "onecold",
    a("scores", Kind.ARRAY, required=True),
    a("labels", Kind.STATIC),
    functions=("onecold",),
    primitive=False,
    differentiable=False,
)
def onecold_shape(scores: Shape, labels: object = None) -> Shape:
    """``onecold(scores)``: ``Tensor[*S, C]`` scores -> the int ``Tensor[*S]`` of argmax indices.

    With ``labels`` the result is a list of labels, not a tensor (no shape to compute); a
    scalar is a value error ``onecold`` raises itself (it has no class axis).

    >>> onecold_shape((4, 7, 10))
    (4, 7)
    >>> from typedflux.shapes.dims import Star
    >>> onecold_shape((Star("Bs"), 10))
    (*Bs,)
    """
    if labels is not None:
        raise CannotTell("with labels, onecold returns a list")
    if not scores or isinstance(scores[-1], Star):
        raise CannotTell("no class axis known")
    return tuple(scores[:-1])
