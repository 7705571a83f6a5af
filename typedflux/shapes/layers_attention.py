"""Spec of MultiHeadAttention over batch-first sequences ``Tensor[B, T, d]``.

>>> AttentionConfig(64, 8).call([(2, 5, 64), (2, 7, 64), (2, 7, 64)])
(2, 5, 64)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence

from typedflux.shapes.dims import UNKNOWN, Dim, equal
from typedflux.shapes.errors import CannotTell, ShapeError, require
from typedflux.shapes.layer_args import ArgKind, Param, divisible
from typedflux.shapes.layer_config import B_, T_, LayerConfig, Shape, dims_only, is_int
from typedflux.shapes.layer_spec import layer
from typedflux.shapes.messages import fmt_shape
from typedflux.shapes.shape import broadcast_pair

__all__ = ["AttentionConfig"]


@layer(
    "MultiHeadAttention",
    Param("d", ArgKind.SIZE),
    Param("nheads", ArgKind.SIZE, 8),
    type_args=("d",),
    checks=(divisible("d", "nheads"),),
    multi_input=True,
)
@dataclass(frozen=True)
class AttentionConfig(LayerConfig):
    """``MultiHeadAttention(d, nheads=h)``: ``q Tensor[B, Tq, d], k/v Tensor[B, Tk, d]`` to
    ``Tensor[B, Tq, d]``; ``rule(q)`` is self-attention, ``rule3(q, k, v)`` the general call.

    >>> AttentionConfig(64, 8).repr(), AttentionConfig(64, 8).rule3((2, 5, 64), (2, 7, 64), (2, 7, 64))
    ('MultiHeadAttention(64, nheads=8)', (2, 5, 64))
    """

    d: Dim
    nheads: int

    name = "MultiHeadAttention"
    ranks = (3,)
    out_rank = 3

    @property
    def dim(self) -> Dim:
        return self.d

    def repr(self) -> str:
        return f"MultiHeadAttention({self.d}, nheads={self.nheads})"

    def expected(self) -> Shape:
        return (B_, T_, self.d)

    def template(self) -> Shape:
        return (B_, UNKNOWN, self.d)

    def with_input(self, size: Dim) -> Optional[LayerConfig]:
        if is_int(size) and is_int(self.nheads) and size % self.nheads != 0:  # type: ignore[operator]
            return None
        return replace(self, d=size)

    def call(self, xs: Sequence[Shape]) -> Shape:
        if len(xs) == 3:
            return self.rule3(xs[0], xs[1], xs[2])
        if len(xs) != 1:
            raise CannotTell("attention takes one input or three")
        return self.rule(xs[0])

    def rule(self, x: Shape) -> Shape:
        return self.rule3(x, x, x)

    def rule3(self, q: Shape, k: Shape, v: Shape) -> Shape:
        for s in (q, k, v):
            self._rank(s)
            self._check(s, -1, self.d)
        r = self.repr()
        ks, vs = dims_only(k), dims_only(v)
        qs = dims_only(q)
        if ks is not None and vs is not None:
            require(
                equal(ks[1], vs[1]),
                lambda: f'Sequence lengths differ for "{r}": k has {fmt_shape(k)}, v has '
                f"{fmt_shape(v)}; need k.shape[1] == v.shape[1] ({ks[1]} vs {vs[1]})",
            )
        if qs is not None and ks is not None:
            for other, name, od in ((k, "k", ks), (v, "v", vs)):
                if od is None:
                    continue
                require(
                    equal(qs[0], od[0]),
                    lambda: f'Batch sizes differ for "{r}": q has {fmt_shape(q)}, {name} has '
                    f"{fmt_shape(other)}; need q.shape[0] == {name}.shape[0] ({qs[0]} vs {od[0]})",
                )
        if qs is None:
            return (UNKNOWN, UNKNOWN, self.d)
        return (qs[0], qs[1], self.d)

    def mask_rule(self, q: Shape, k: Shape, mask: Shape) -> None:
        """A mask broadcasts against the scores ``Tensor[B, nheads, Tq, Tk]`` (True where
        attention is allowed): ``Tensor[Tq, Tk]`` for all, ``Tensor[B, 1, Tq, Tk]`` per sequence.

        >>> AttentionConfig(32, 4).mask_rule((2, 7, 32), (2, 7, 32), (6, 6))
        Traceback (most recent call last):
        ...
        typedflux.shapes.errors.ShapeError: Cannot broadcast for "MultiHeadAttention(32, nheads=4)": mask has Tensor[6, 6], scores has Tensor[2, 4, 7, 7]; need equal sizes or 1 at axis -2 (6 vs 7)
        """
        qs, ks = dims_only(q), dims_only(k)
        if qs is None or ks is None or len(qs) != 3 or len(ks) != 3:
            return
        try:
            broadcast_pair(mask, (qs[0], self.nheads, qs[1], ks[1]), self.repr(), "mask", "scores")
        except ShapeError as err:
            per_sequence = (qs[0], qs[1], ks[1])
            given = dims_only(mask)
            if given is not None and len(given) == 3 and all(
                    equal(m, d) is True for m, d in zip(given, per_sequence)):
                raise ShapeError(  # a padding mask per sequence: the heads' axis is missing
                    f"{err.message}; did you mean mask[:, None] (one mask per sequence, for "
                    "every head)?", err.notes) from None
            raise
