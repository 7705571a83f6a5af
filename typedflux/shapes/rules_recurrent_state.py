"""Shape rules of the recurrent primitives that start from a given state: ``rnn_state``,
``gru_state`` (``h0``) and ``lstm_state`` (``h0``, ``c0``; its output holds every hidden and
cell state). The static half of :mod:`typedflux.ops.recurrent_state`.

A state is ``Tensor[B, H]`` (one per sequence) or ``Tensor[H]`` (the same for every
sequence, as Flux's ``initialstates``).

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["lstm_state"].rule(x=(2, 5, 3), weight_ih=(16, 3), weight_hh=(16, 4), bias=(16,),
...                          h0=(2, 4), c0=(4,))
(2, 5, 8)
"""

from __future__ import annotations

from typing import Tuple

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import UNKNOWN, Dim, Star, equal
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.rules_layers import recurrent_shape
from typedflux.shapes.shape import Shape, star_index

__all__ = ["state_shape", "rnn_state_shape", "gru_state_shape", "lstm_state_shape"]

T = Kind.TENSOR


def state_shape(op: str, name: str, state: Shape, out: Shape) -> None:
    """A state fits a sequence output ``out = (B, T, H)``: ``(H,)`` or ``(B, H)``.

    >>> state_shape("rnn_state", "h0", (3, 4), (2, 5, 4))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ for "rnn_state": h0 has Tensor[3, 4], x has Tensor[2, 5, ?]; need h0.shape[0] == x.shape[0] (3 vs 2)
    """
    if star_index(state) is not None or star_index(out) is not None:
        raise CannotTell(f"{op}: {name} of unknown rank")
    st: Tuple[Dim, ...] = state  # type: ignore[assignment]  # no Star (checked above)
    b, h = out[0], out[2]
    assert not isinstance(b, Star) and not isinstance(h, Star)
    if len(state) not in (1, 2):
        raise ShapeError(messages.wrong_rank(op, name, state, (1, 2)))
    seq = (out[0], out[1], UNKNOWN)
    if len(st) == 2 and equal(st[0], b) is False:
        raise ShapeError(
            f'Sizes differ for "{op}": {name} has {messages.fmt_shape(state)}, x has '
            f"{messages.fmt_shape(seq)}; need {name}.shape[0] == x.shape[0] "
            f"({messages.fmt_dim(st[0])} vs {messages.fmt_dim(b)})")
    if equal(st[-1], h) is False:
        raise ShapeError(
            f'Sizes differ for "{op}": {name} has {messages.fmt_shape(state)}, weight_hh has '
            f"hidden size {messages.fmt_dim(out[2])}; need {name}.shape[-1] == "
            f"weight_hh.shape[1] ({messages.fmt_dim(state[-1])} vs {messages.fmt_dim(out[2])})")


_ARGS = (a("x", T, required=True), a("weight_ih", T, required=True),
         a("weight_hh", T, required=True), a("bias", T, required=True),
         a("h0", T, required=True))


@spec("rnn_state", *_ARGS, a("grad_x", Kind.IGNORED, True))
def rnn_state_shape(x: Shape, weight_ih: Shape, weight_hh: Shape, bias: Shape, h0: Shape
                    ) -> Shape:
    """Elman RNN from ``h0``: ``Tensor[B, T, in] -> Tensor[B, T, H]``.

    >>> rnn_state_shape((2, 5, 3), (4, 3), (4, 4), (4,), (4,))
    (2, 5, 4)
    """
    out = recurrent_shape("rnn_state", 1, x, weight_ih, weight_hh, bias)
    state_shape("rnn_state", "h0", h0, out)
    return out


@spec("gru_state", *_ARGS, a("grad_x", Kind.IGNORED, True))
def gru_state_shape(x: Shape, weight_ih: Shape, weight_hh: Shape, bias: Shape, h0: Shape
                    ) -> Shape:
    """GRU from ``h0``: ``Tensor[B, T, in] -> Tensor[B, T, H]``.

    >>> gru_state_shape((2, 5, 3), (12, 3), (12, 4), (12,), (2, 4))
    (2, 5, 4)
    """
    out = recurrent_shape("gru_state", 3, x, weight_ih, weight_hh, bias)
    state_shape("gru_state", "h0", h0, out)
    return out


@spec("lstm_state", *_ARGS, a("c0", T, required=True), a("grad_x", Kind.IGNORED, True))
def lstm_state_shape(x: Shape, weight_ih: Shape, weight_hh: Shape, bias: Shape, h0: Shape,
                     c0: Shape) -> Shape:
    """LSTM from ``(h0, c0)``: ``Tensor[B, T, in] -> Tensor[B, T, 2H]``, each step's hidden
    state then its cell state along the last axis.

    >>> lstm_state_shape((2, 5, 3), (16, 3), (16, 4), (16,), (4,), (2, 5))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ for "lstm_state": c0 has Tensor[2, 5], weight_hh has hidden size 4; need c0.shape[-1] == weight_hh.shape[1] (5 vs 4)
    """
    out = recurrent_shape("lstm_state", 4, x, weight_ih, weight_hh, bias)
    state_shape("lstm_state", "h0", h0, out)
    state_shape("lstm_state", "c0", c0, out)
    h = out[2]
    return (out[0], out[1], UNKNOWN if isinstance(h, Star) else 2 * h)
