"""Specs of the recurrent layers RNN, LSTM and GRU: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``.

>>> RecurrentConfig("LSTM", 3, 5).repr(), RecurrentConfig("LSTM", 3, 5).rule((2, 7, 3))
('LSTM(3 => 5)', (2, 7, 5))
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from typedflux.shapes.dims import UNKNOWN, Dim
from typedflux.shapes.layer_spec import (
    B_,
    T_,
    ArgKind,
    LayerConfig,
    Param,
    Shape,
    dims_only,
    feature_repr,
    layer,
)

__all__ = ["RecurrentConfig"]


@dataclass(frozen=True)
class RecurrentConfig(LayerConfig):
    """``RNN/LSTM/GRU(in => hidden)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``.

    >>> RecurrentConfig("GRU", 3, 5).rule((2, 7, 3))
    (2, 7, 5)
    """

    kind: str
    in_features: Dim
    hidden: Dim

    ranks = (3,)

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def repr(self) -> str:
        return feature_repr(self.kind, self.in_features, self.hidden)

    def expected(self) -> Shape:
        return (B_, T_, self.in_features)

    def template(self) -> Shape:
        return (B_, UNKNOWN, self.in_features)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, in_features=size)

    def with_output(self, size: Dim) -> LayerConfig:
        return replace(self, hidden=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, -1, self.in_features)
        dims = dims_only(x)
        if dims is None:
            return (UNKNOWN, UNKNOWN, self.hidden)
        return (dims[0], dims[1], self.hidden)


for _kind in ("RNN", "LSTM", "GRU"):
    layer(
        _kind,
        Param("in_features", ArgKind.SIZE),
        Param("hidden", ArgKind.SIZE),
        type_args=("in_features", "hidden"),
        fixed={"kind": _kind},
    )(RecurrentConfig)
