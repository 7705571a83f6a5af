"""Specs of the basic layers: Dense, Flatten, Dropout, Embedding.

>>> from typedflux.shapes.dims import sym
>>> DenseConfig(784, 32, "relu").rule((sym("B"), 784))
(B, 32)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Union

from typedflux.shapes.dims import UNKNOWN, Dim, Star
from typedflux.shapes.layer_args import ArgKind, Param
from typedflux.shapes.layer_config import ANY, B_, T_, LayerConfig, Shape, feature_repr
from typedflux.shapes.layer_spec import layer

__all__ = ["DenseConfig", "FlattenConfig", "DropoutConfig", "EmbeddingConfig"]

SIZE, ACT, FLAG = ArgKind.SIZE, ArgKind.ACTIVATION, ArgKind.FLAG


@layer(
    "Dense",
    Param("in_features", SIZE),
    Param("out_features", SIZE),
    Param("activation", ACT, "identity"),
    Param("bias", FLAG, True),
    type_args=("in_features", "out_features"),
)
@dataclass(frozen=True)
class DenseConfig(LayerConfig):
    """``Dense(in, out)``: ``Tensor[*Bs, in] -> Tensor[*Bs, out]``.

    >>> DenseConfig(784, 32, bias=False).repr()
    'Dense(784 => 32, bias=False)'
    >>> DenseConfig(784, 32).rule((Star("Bs"), 784))
    (*Bs, 32)
    """

    in_features: Dim
    out_features: Dim
    activation: str = "identity"
    bias: bool = True

    name = "Dense"
    min_rank = 1
    keeps_rank = True

    def repr(self) -> str:
        extra = [] if self.activation == "identity" else [self.activation]
        if not self.bias:
            extra.append("bias=False")
        return feature_repr("Dense", self.in_features, self.out_features, extra)

    def expected(self) -> Shape:
        return (ANY, self.in_features)

    def template(self) -> Shape:
        return (B_, self.in_features)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, in_features=size)

    def with_output(self, size: Dim) -> LayerConfig:
        return replace(self, out_features=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, -1, self.in_features)
        if x and isinstance(x[-1], Star):
            # (..., a, *S): the last axis is a or inside S, so a may be replaced or kept.
            return x[:-2] + (Star(None), self.out_features)
        return x[:-1] + (self.out_features,)


@layer("Flatten")
@dataclass(frozen=True)
class FlattenConfig(LayerConfig):
    """``Flatten()``: ``Tensor[B, *Rest] -> Tensor[B, prod(Rest)]``.

    >>> FlattenConfig().rule((16, 8, 13, 13))
    (16, 1352)
    >>> from typedflux.shapes.dims import sym
    >>> FlattenConfig().rule((sym("B"), sym("C"), 4))
    (B, 4*C)
    """

    name = "Flatten"
    min_rank = 1
    out_rank = 2

    def repr(self) -> str:
        return "Flatten()"

    def expected(self) -> Shape:
        return (B_, ANY)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        if not x or isinstance(x[0], Star):
            return (UNKNOWN, UNKNOWN)
        size: Dim = 1
        for d in x[1:]:
            if isinstance(d, Star):
                return (x[0], UNKNOWN)
            size = size * d
        return (x[0], size)


def _probability(p: float) -> Union[str, None]:
    return None if 0.0 <= p <= 1.0 else "a probability in [0, 1]"


@layer(
    "Dropout",
    Param("p", ArgKind.REAL, check=_probability),
    Param("training", ArgKind.MODE, None),
    Param("rng", ArgKind.GENERATOR, None),
)
@dataclass(frozen=True)
class DropoutConfig(LayerConfig):
    """``Dropout(p)``: any shape to the same shape. ``p`` is the number, or the literal's text
    in the plugin (``"?"`` when it cannot be read).

    >>> DropoutConfig(0.5).repr(), DropoutConfig(0.5).rule((3, 4))
    ('Dropout(0.5)', (3, 4))
    """

    p: Union[float, str]

    name = "Dropout"
    keeps_rank = True

    def repr(self) -> str:
        return f"Dropout({self.p})"

    def rule(self, x: Shape) -> Shape:
        return x


@layer(
    "Embedding",
    Param("vocab", SIZE),
    Param("dim", SIZE),
    type_args=("vocab", "dim"),
)
@dataclass(frozen=True)
class EmbeddingConfig(LayerConfig):
    """``Embedding(vocab => dim)``: int ``Tensor[*Bs] -> Tensor[*Bs, dim]``.

    >>> EmbeddingConfig(1000, 64).repr(), EmbeddingConfig(1000, 64).rule((16, 20))
    ('Embedding(1000 => 64)', (16, 20, 64))
    """

    vocab: Dim
    dim: Dim

    name = "Embedding"
    adds_rank = True

    def repr(self) -> str:
        return feature_repr("Embedding", self.vocab, self.dim)

    def expected(self) -> Shape:
        return (ANY,)

    def template(self) -> Shape:
        return (B_, T_)

    def with_output(self, size: Dim) -> LayerConfig:
        return replace(self, dim=size)

    def rule(self, x: Shape) -> Shape:
        return x + (self.dim,)
