"""Shape rule of the ``groupnorm`` primitive (GroupNorm, and InstanceNorm with one channel
per group): the static half of :mod:`typedflux.ops.norms_nn`.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["groupnorm"].rule(x=(2, 6, 4, 4), weight=(6,), bias=(6,), groups=3)
(2, 6, 4, 4)
"""

from __future__ import annotations

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.rules_layers import _vector
from typedflux.shapes.shape import Shape, star_index

__all__ = ["groupnorm_shape"]

T = Kind.TENSOR


@spec("groupnorm", a("x", T, required=True), a("weight", T, required=True),
      a("bias", T, required=True), a("groups", Kind.INT, 1), a("eps", Kind.IGNORED, 1e-5))
def groupnorm_shape(x: Shape, weight: Shape, bias: Shape, groups: int) -> Shape:
    """Normalisation over blocks of ``C/groups`` channels (axis 1) and every later axis, per
    sample: ``Tensor[B, C, *S] -> Tensor[B, C, *S]``; ``weight``, ``bias``: ``Tensor[C]`` or
    ``()`` (no affine part).

    >>> groupnorm_shape((2, 6, 5), (), (), 4)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot split channels for "groupnorm": x has Tensor[2, 6, 5]; need the size at axis 1 divisible by groups = 4 (6 % 4 = 2)
    """
    if star_index(x) is not None:
        raise CannotTell("groupnorm: channel axis of a variadic shape")
    if len(x) < 2:
        raise ShapeError(messages.rank_too_small("groupnorm", "x", x, 2))
    c = x[1]
    if type(groups) is not int or groups < 1:
        raise ShapeError(f'Invalid groups for "groupnorm": groups = {groups}; need an int >= 1')
    if type(c) is int and c % groups:
        raise ShapeError(
            f'Cannot split channels for "groupnorm": x has {messages.fmt_shape(x)}; need the '
            f"size at axis 1 divisible by groups = {groups} ({c} % {groups} = {c % groups})"
        )
    for name, v in (("weight", weight), ("bias", bias)):
        _vector("groupnorm", name, v, c, "x", x, 1)  # type: ignore[arg-type]
    return x
