"""Specs of the recurrent layers RNN, LSTM and GRU: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``,
from an initial state that is zeros or given (``Tensor[B, hidden]`` or ``Tensor[hidden]``;
LSTM's is a pair), and with ``return_state`` the last state too (Flux 0.16's API).

>>> RecurrentConfig("LSTM", 3, 5).repr(), RecurrentConfig("LSTM", 3, 5).rule((2, 7, 3))
('LSTM(3 => 5)', (2, 7, 5))
>>> RecurrentConfig("GRU", 3, 5, True).call([(2, 7, 3), (5,)])
Several((2, 7, 5), (2, 5))
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence, Union

from typedflux.shapes import messages
from typedflux.shapes.dims import UNKNOWN, Dim, Star, equal
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_args import ArgKind, Param
from typedflux.shapes.layer_config import (
    B_,
    T_,
    LayerConfig,
    Several,
    Shape,
    dims_only,
    feature_repr,
)
from typedflux.shapes.layer_spec import layer

__all__ = ["RecurrentConfig", "STATE_NAMES"]

STATE_NAMES = {"RNN": ("h0",), "GRU": ("h0",), "LSTM": ("h0", "c0")}
"""The initial states each layer takes, in order (LSTM's ``(h0, c0)`` pair)."""


@dataclass(frozen=True)
class RecurrentConfig(LayerConfig):
    """``RNN/LSTM/GRU(in => hidden)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``.

    ``call([x, *states])`` also checks the initial states (one for RNN and GRU, ``h0`` and
    ``c0`` for LSTM) and, with ``return_state``, returns ``Several((y, state))``.

    >>> RecurrentConfig("GRU", 3, 5).rule((2, 7, 3))
    (2, 7, 5)
    >>> RecurrentConfig("LSTM", 3, 5).call([(2, 7, 3), (2, 5), (3, 5)])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Initial state does not fit "LSTM(3 => 5)": c0 has Tensor[3, 5], x has Tensor[2, 7, 3]; need c0 of Tensor[2, 5] or Tensor[5] (size 2 at axis 0, got 3)
    """

    kind: str
    in_features: Dim
    hidden: Dim
    return_state: bool = False

    ranks = (3,)

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    @property
    def out_rank(self) -> Optional[int]:  # type: ignore[override]
        # The output sequence has rank 3; with return_state a call gives a pair.
        return 3 if self.return_state is False else None

    def gives_several(self) -> bool:
        return self.return_state is not False  # ``(y, state)``, or not known

    def repr(self) -> str:
        extra = ["return_state=True"] if self.return_state is True else []
        return feature_repr(self.kind, self.in_features, self.hidden, extra)

    def expected(self) -> Shape:
        return (B_, T_, self.in_features)

    def template(self) -> Shape:
        return (B_, UNKNOWN, self.in_features)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, in_features=size)

    def with_output(self, size: Dim) -> LayerConfig:
        return replace(self, hidden=size)

    def rule(self, x: Shape) -> Shape:
        """The output sequence's shape (with ``return_state`` the state comes too: see
        :meth:`call`)."""
        self._rank(x)
        self._check(x, -1, self.in_features)
        dims = dims_only(x)
        if dims is None:
            return (UNKNOWN, UNKNOWN, self.hidden)
        return (dims[0], dims[1], self.hidden)

    def call(self, xs: Sequence[Shape]) -> Union[Shape, Several]:
        names = STATE_NAMES.get(self.kind, ("h0",))
        if not xs or len(xs) - 1 not in (0, len(names)):
            raise CannotTell(f"{self.kind} called with {len(xs)} inputs")
        if self.return_state not in (True, False):
            raise CannotTell("return_state not known")  # a layer type written by hand
        y = self.rule(xs[0])
        batch = y[0]
        for name, state in zip(names, xs[1:]):
            self._check_state(name, state, xs[0], batch)
        if not self.return_state:
            return y
        final = (batch, self.hidden)
        if len(names) == 1:
            return Several((y, final))
        return Several((y, Several((final, final))))

    def _check_state(self, name: str, state: Shape, x: Shape, batch: Union[Dim, Star]) -> None:
        expected = (B_ if isinstance(batch, Star) else batch, self.hidden)

        def fail(why: str) -> ShapeError:
            return ShapeError(messages.initial_state_mismatch(
                self.repr(), name, state, x, expected, why))

        dims = dims_only(state)
        if dims is None:
            return
        if len(dims) not in (1, 2):
            raise fail(f"rank {len(dims)}")
        if equal(dims[-1], self.hidden) is False:
            raise fail(f"size {self.hidden} at axis -1, got {dims[-1]}")
        if len(dims) == 2 and not isinstance(batch, Star) and equal(dims[0], batch) is False:
            raise fail(f"size {batch} at axis 0, got {dims[0]}")


for _kind in ("RNN", "LSTM", "GRU"):
    layer(
        _kind,
        Param("in_features", ArgKind.SIZE),
        Param("hidden", ArgKind.SIZE),
        Param("return_state", ArgKind.FLAG, False),
        type_args=("in_features", "hidden", "return_state"),
        fixed={"kind": _kind},
        multi_input=True,
    )(RecurrentConfig)
