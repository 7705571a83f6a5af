"""Specs of the normalisation layers: BatchNorm (channels on axis 1), LayerNorm (last axis).

>>> BatchNormConfig(8).rule((16, 8, 5, 5)), LayerNormConfig(32).rule((4, 10, 32))
((16, 8, 5, 5), (4, 10, 32))
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from typedflux.shapes.dims import Dim
from typedflux.shapes.layer_spec import ANY, B_, ArgKind, LayerConfig, Param, Shape, layer

__all__ = ["BatchNormConfig", "LayerNormConfig"]


def _positive(v: float) -> Optional[str]:
    return None if v > 0 else "a number > 0"


def _fraction(v: float) -> Optional[str]:
    return None if 0 <= v <= 1 else "a number in [0, 1]"


@layer(
    "BatchNorm",
    Param("channels", ArgKind.SIZE),
    Param("activation", ArgKind.ACTIVATION, "identity"),
    Param("eps", ArgKind.REAL, 1e-5, check=_positive),
    Param("momentum", ArgKind.REAL, 0.1, check=_fraction),
    Param("training", ArgKind.MODE, None),
    type_args=("channels",),
)
@dataclass(frozen=True)
class BatchNormConfig(LayerConfig):
    """``BatchNorm(C)``: ``Tensor[B, C, *S] -> Tensor[B, C, *S]`` (channels on axis 1).

    >>> BatchNormConfig(8, "relu").repr(), BatchNormConfig(8).rule((16, 8, 5, 5))
    ('BatchNorm(8, relu)', (16, 8, 5, 5))
    """

    channels: Dim
    activation: str = "identity"

    name = "BatchNorm"
    min_rank = 2

    def repr(self) -> str:
        act = "" if self.activation == "identity" else f", {self.activation}"
        return f"BatchNorm({self.channels}{act})"

    def expected(self) -> Shape:
        return (B_, self.channels, ANY)

    def template(self) -> Shape:
        return (B_, self.channels, ANY)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, channels=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, 1, self.channels)
        return x


@layer(
    "LayerNorm",
    Param("d", ArgKind.SIZE),
    Param("eps", ArgKind.REAL, 1e-5, check=_positive),
    type_args=("d",),
)
@dataclass(frozen=True)
class LayerNormConfig(LayerConfig):
    """``LayerNorm(d)``: ``Tensor[*Bs, d] -> Tensor[*Bs, d]`` (normalises the last axis).

    >>> LayerNormConfig(32).rule((4, 10, 32))
    (4, 10, 32)
    """

    d: Dim

    name = "LayerNorm"
    min_rank = 1

    def repr(self) -> str:
        return f"LayerNorm({self.d})"

    def expected(self) -> Shape:
        return (ANY, self.d)

    def template(self) -> Shape:
        return (ANY, self.d)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, d=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, -1, self.d)
        return x
