"""Shape rule of ``onehot``: labels of shape ``S`` become ``S + (nclasses,)``.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["onehot"].rule(labels=(32,), nclasses=10)
(32, 10)
"""

from __future__ import annotations

from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import Dim
from typedflux.shapes.shape import Shape

__all__ = ["onehot_shape"]


@spec(
    "onehot",
    a("labels", Kind.TENSOR, required=True),
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
