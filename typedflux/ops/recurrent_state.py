"""Recurrent layers from a given initial state: the ``rnn_state``, ``gru_state`` and
``lstm_state`` primitives (forwards and hand-written backpropagation through time, which
also returns the gradient of the initial state). The shape rules are in
``typedflux/shapes/rules_recurrent_state.py``.

The same forward and backward loops as the zero-state primitives of
:mod:`typedflux.ops.layers_nn` (``rnn_sequence`` ..., which the layers keep using when no
state is given): :mod:`typedflux.ops.kernels.recurrent` holds one of each per cell; here the state
entering the first step is ``h0`` (and ``c0``), ``Tensor[B, H]`` or ``Tensor[H]`` (the same
for every sequence). ``lstm_state`` returns every step's hidden and cell state,
``Tensor[B, T, 2H]`` (``h`` then ``c`` on the last axis), so a loss may depend on the final
cell state and its gradient flows back through the sequence.

>>> import typedflux as tf
>>> rnn_state(tf.ones(2, 5, 3), tf.ones(4, 3), tf.ones(4, 4), tf.zeros(4), tf.zeros(4)).shape
(2, 5, 4)
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import numpy as np
import numpy.typing as npt
from typing_extensions import Unpack

# One forward loop and one BPTT loop per cell, shared with the zero-state kernels.
from typedflux.ops.kernels.recurrent import (
    LstmSaved, finish, gru_bptt, gru_finish, gru_run, input_part, lstm_bptt, lstm_finish,
    lstm_run, rnn_bptt, rnn_run, shifted, start_state, time_major,
)
from typedflux.ops.layers_nn import _save, _saved, needs_grad
from typedflux.ops.registry import primitive
from typedflux.tensor import Tensor

__all__ = [
    "rnn_state",
    "gru_state",
    "lstm_state",
    "rnn_state_forward",
    "rnn_state_backward",
    "gru_state_forward",
    "gru_state_backward",
    "lstm_state_forward",
    "lstm_state_backward",
]

Array = npt.NDArray[Any]
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
Grads = Tuple[Optional[Array], Array, Array, Array, Array]


# -- RNN ---------------------------------------------------------------------------------------


def rnn_state_forward(x: Array, w_ih: Array, w_hh: Array, b: Array, h0: Array) -> Array:
    """``h_t = tanh(W_ih x_t + W_hh h_{t-1} + b)`` from ``h_{-1} = h0``; all ``h_t``."""
    xw = input_part(x, w_ih, b)
    return rnn_run(xw, start_state(h0, x.shape[0], w_hh, xw), w_hh)


def rnn_state_backward(g: Array, out: Array, x: Array, w_ih: Array, w_hh: Array, h0: Array,
                       grad_x: bool = True) -> Grads:
    """Backpropagation through time; the last entry is the ``(B, H)`` gradient of ``h0``."""
    da, dh = rnn_bptt(g, out, w_hh)
    start = start_state(h0, out.shape[0], w_hh, out)
    gx, gwih, gwhh, gb = finish(da, x, w_ih, shifted(out, start), w_hh, grad_x)
    return gx, gwih, gwhh, gb, dh


# -- GRU ---------------------------------------------------------------------------------------


def gru_state_forward(x: Array, w_ih: Array, w_hh: Array, b: Array, h0: Array
                      ) -> Tuple[Array, Array]:
    """Flux's GRU cell (blocks r, z, n; one bias) from ``h0``: all ``h_t`` and the saved
    ``(r, z, n, W_hn h)`` of every step."""
    xw = input_part(x, w_ih, b)
    return gru_run(xw, start_state(h0, x.shape[0], w_hh, xw), w_hh)


def gru_state_backward(g: Array, out: Array, saved: Array, x: Array, w_ih: Array, w_hh: Array,
                       h0: Array, grad_x: bool = True) -> Grads:
    """BPTT for :func:`gru_state_forward`; the last entry is the gradient of ``h0``."""
    hprev_all = shifted(out, start_state(h0, out.shape[0], w_hh, out))
    da_in, da_h, dh = gru_bptt(g, saved, hprev_all, w_hh)
    return (*gru_finish(da_in, da_h, x, w_ih, hprev_all, w_hh, grad_x), dh)


# -- LSTM --------------------------------------------------------------------------------------


def lstm_state_forward(x: Array, w_ih: Array, w_hh: Array, b: Array, h0: Array, c0: Array
                       ) -> Tuple[Array, LstmSaved]:
    """LSTM (gates i, f, g, o; one bias) from ``(h0, c0)``. Returns every step's
    ``[h_t, c_t]`` (``(B, T, 2H)``) and what the backward needs (the time-major inputs and
    :func:`~typedflux.ops.kernels.recurrent.lstm_run`'s results)."""
    n, t, _ = x.shape
    hsize = w_hh.shape[1]
    xt = time_major(x, w_ih)
    xw = input_part(xt, w_ih, b)
    hs, cs, gates, tcs = lstm_run(xw, start_state(h0, n, w_hh, xw),
                                  start_state(c0, n, w_hh, xw), w_hh)
    out = np.empty_like(xw, shape=(n, t, 2 * hsize))
    out[:, :, :hsize] = hs[1:].transpose(1, 0, 2)
    out[:, :, hsize:] = cs[1:].transpose(1, 0, 2)
    return out, (xt, hs, cs, gates, tcs)


def lstm_state_backward(
    g: Array, saved: LstmSaved, w_ih: Array, w_hh: Array, grad_x: bool = True,
) -> Tuple[Optional[Array], Array, Array, Array, Array, Array]:
    """BPTT for :func:`lstm_state_forward`, with gradients arriving at every hidden and cell
    state (``g`` is ``(B, T, 2H)``); the last two entries are the gradients of ``h0`` and
    ``c0``."""
    xt, hs, cs, gates, tcs = saved
    hsize = hs.shape[2]
    da, dh, dc = lstm_bptt(g[:, :, :hsize], g[:, :, hsize:], gates, cs, tcs, w_hh)
    gx, gwih, gwhh, gb = lstm_finish(da, xt, w_ih, hs, grad_x)
    return gx, gwih, gwhh, gb, dh, dc


# -- the primitives ---------------------------------------------------------------------------


@primitive("rnn_state")
def p_rnn_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any,
                grad_x: bool) -> Any:
    return rnn_state_forward(x, weight_ih, weight_hh, bias, h0)


@p_rnn_state.vjp
def _rnn_state_vjp(g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any,
                   h0: Any, grad_x: bool) -> Tuple[Any, ...]:
    return rnn_state_backward(g, out, x, weight_ih, weight_hh, h0, grad_x)


@primitive("gru_state")
def p_gru_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any,
                grad_x: bool) -> Any:
    out, saved = gru_state_forward(x, weight_ih, weight_hh, bias, h0)
    _save(out, saved)
    return out


@p_gru_state.vjp
def _gru_state_vjp(g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any,
                   h0: Any, grad_x: bool) -> Tuple[Any, ...]:
    saved = _saved(out)
    if saved is None:
        saved = gru_state_forward(x, weight_ih, weight_hh, bias, h0)[1]
    return gru_state_backward(g, out, saved, x, weight_ih, weight_hh, h0, grad_x)


@primitive("lstm_state")
def p_lstm_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any, c0: Any,
                 grad_x: bool) -> Any:
    out, saved = lstm_state_forward(x, weight_ih, weight_hh, bias, h0, c0)
    _save(out, saved)
    return out


@p_lstm_state.vjp
def _lstm_state_vjp(g: Any, out: Any, x: Any, weight_ih: Any, weight_hh: Any, bias: Any,
                    h0: Any, c0: Any, grad_x: bool) -> Tuple[Any, ...]:
    saved = _saved(out)
    if saved is None:
        saved = lstm_state_forward(x, weight_ih, weight_hh, bias, h0, c0)[1]
    return lstm_state_backward(g, saved, weight_ih, weight_hh, grad_x)


_rng = np.random.default_rng(97531)


def _examples(gates: int, cell: bool) -> List[Tuple[Any, ...]]:
    r = _rng.standard_normal

    def weights() -> Tuple[Array, Array, Array]:
        return r((gates * 3, 4)) * 0.5, r((gates * 3, 3)) * 0.5, r(gates * 3) * 0.5

    states: List[Tuple[Array, ...]] = [(r((2, 3)), r((2, 3))), (r(3), r((2, 3)))]
    out: List[Tuple[Any, ...]] = []
    for k, st in enumerate(states):
        x: Any = r((2, 4, 4)) if k == 0 else Tensor(r((2, 4, 4)), np.float64)
        out.append((x, *weights(), *(st if cell else st[:1]), k == 0))
    return out


p_rnn_state.examples(lambda: _examples(1, False))
p_gru_state.examples(lambda: _examples(3, False))
p_lstm_state.examples(lambda: _examples(4, True))


def rnn_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any) -> AnyTensor:
    """Elman RNN over a batch-first sequence from ``h0`` (``Tensor[B, H]`` or ``Tensor[H]``):
    ``Tensor[B, T, in] -> Tensor[B, T, H]``.

    >>> import typedflux as tf
    >>> rnn_state(tf.ones(2, 5, 3), tf.ones(4, 3), tf.ones(4, 4), tf.zeros(4), tf.ones(2, 4)).shape
    (2, 5, 4)
    """
    return p_rnn_state.invoke(x, weight_ih, weight_hh, bias, h0, needs_grad(x))


def gru_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any) -> AnyTensor:
    """Flux's GRU over a batch-first sequence from ``h0``: ``Tensor[B, T, in] ->
    Tensor[B, T, H]``, weights ``(3H, in)``, ``(3H, H)``.

    >>> import typedflux as tf
    >>> gru_state(tf.ones(2, 5, 3), tf.ones(6, 3), tf.ones(6, 2), tf.zeros(6), tf.zeros(2)).shape
    (2, 5, 2)
    """
    return p_gru_state.invoke(x, weight_ih, weight_hh, bias, h0, needs_grad(x))


def lstm_state(x: Any, weight_ih: Any, weight_hh: Any, bias: Any, h0: Any, c0: Any
               ) -> AnyTensor:
    """LSTM over a batch-first sequence from ``(h0, c0)``: ``Tensor[B, T, in] ->
    Tensor[B, T, 2H]``, every step's hidden state then its cell state on the last axis.

    >>> import typedflux as tf
    >>> lstm_state(tf.ones(2, 5, 3), tf.ones(8, 3), tf.ones(8, 2), tf.zeros(8), tf.zeros(2),
    ...            tf.zeros(2)).shape
    (2, 5, 4)
    """
    return p_lstm_state.invoke(x, weight_ih, weight_hh, bias, h0, c0, needs_grad(x))
