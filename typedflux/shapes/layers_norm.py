"""Specs of the normalisation layers: BatchNorm, GroupNorm, InstanceNorm (channels on axis
1) and LayerNorm (last axis).

>>> BatchNormConfig(8).rule((16, 8, 5, 5)), LayerNormConfig(32).rule((4, 10, 32))
((16, 8, 5, 5), (4, 10, 32))
>>> GroupNormConfig(32, 8).rule((2, 32, 7, 7)), InstanceNormConfig(3).repr()
((2, 32, 7, 7), 'InstanceNorm(3)')
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Tuple

from typedflux.shapes.dims import UNKNOWN, Dim
from typedflux.shapes.layer_args import ArgKind, Param, divisible
from typedflux.shapes.layer_config import ANY, B_, H_, LayerConfig, Shape
from typedflux.shapes.layer_spec import layer

__all__ = ["BatchNormConfig", "LayerNormConfig", "GroupNormConfig", "InstanceNormConfig"]


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
    keeps_rank = True

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
    keeps_rank = True

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


def _options(activation: str, flags: Tuple[Tuple[str, bool, bool], ...]) -> str:
    """``, relu, affine=False``: the activation and the flags that differ from their
    defaults, in the constructor's order."""
    out = "" if activation == "identity" else f", {activation}"
    for name, value, default in flags:
        if value != default:
            out += f", {name}={value}"
    return out


@layer(
    "GroupNorm",
    Param("channels", ArgKind.SIZE),
    Param("groups", ArgKind.SIZE),
    Param("activation", ArgKind.ACTIVATION, "identity"),
    Param("affine", ArgKind.FLAG, True),
    Param("eps", ArgKind.REAL, 1e-5, check=_positive),
    type_args=("channels", "groups"),
    checks=(divisible("channels", "groups"),),
)
@dataclass(frozen=True)
class GroupNormConfig(LayerConfig):
    """``GroupNorm(C, G)``: ``Tensor[B, C, *S] -> Tensor[B, C, *S]``, statistics over each
    block of ``C/G`` channels (and all of ``S``) per sample; ``G`` must divide ``C``.

    >>> GroupNormConfig(32, 8, "relu", affine=False).repr()
    'GroupNorm(32, 8, relu, affine=False)'
    >>> GroupNormConfig(32, 8).rule((2, 16, 7, 7))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: GroupNorm(32, 8) expects input Tensor[B, 32, ...], got Tensor[2, 16, 7, 7]; need size 32 at axis 1 (got 16)
    """

    channels: Dim
    groups: Dim
    activation: str = "identity"
    affine: bool = True

    name = "GroupNorm"
    min_rank = 2
    keeps_rank = True

    def repr(self) -> str:
        opts = _options(self.activation, (("affine", self.affine, True),))
        return f"GroupNorm({self.channels}, {self.groups}{opts})"

    def expected(self) -> Shape:
        return (B_, self.channels, ANY)

    def template(self) -> Shape:
        return (B_, self.channels, ANY)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, 1, self.channels)
        return x


@layer(
    "InstanceNorm",
    Param("channels", ArgKind.SIZE),
    Param("activation", ArgKind.ACTIVATION, "identity"),
    Param("affine", ArgKind.FLAG, False),
    Param("track_stats", ArgKind.FLAG, False),
    Param("eps", ArgKind.REAL, 1e-5, check=_positive),
    Param("momentum", ArgKind.REAL, 0.1, check=_fraction),
    Param("training", ArgKind.MODE, None),
    type_args=("channels",),
)
@dataclass(frozen=True)
class InstanceNormConfig(LayerConfig):
    """``InstanceNorm(C)``: ``Tensor[B, C, H, ...] -> Tensor[B, C, H, ...]``, statistics
    over the spatial axes of each sample and channel (at least one spatial axis).

    >>> InstanceNormConfig(3, affine=True, track_stats=True).repr()
    'InstanceNorm(3, affine=True, track_stats=True)'
    >>> InstanceNormConfig(3).rule((2, 3))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: InstanceNorm(3) expects input Tensor[B, 3, H, ...], got Tensor[2, 3]
    """

    channels: Dim
    activation: str = "identity"
    affine: bool = False
    track_stats: bool = False

    name = "InstanceNorm"
    min_rank = 3
    keeps_rank = True

    def repr(self) -> str:
        opts = _options(self.activation, (("affine", self.affine, False),
                                          ("track_stats", self.track_stats, False)))
        return f"InstanceNorm({self.channels}{opts})"

    def expected(self) -> Shape:
        return (B_, self.channels, H_, ANY)

    def template(self) -> Shape:
        return (B_, self.channels, UNKNOWN, ANY)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, channels=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, 1, self.channels)
        return x
