"""Recurrent layers over batch-first sequences: RNN, LSTM, GRU (``Tensor[B, T, in] ->
Tensor[B, T, hidden]``, the whole output sequence, from zero initial states).

Each layer is one fused primitive over the whole sequence with a hand-written
backpropagation through time; the input projections of all steps are one GEMM.

>>> import typedflux as tf
>>> LSTM(3, 5), LSTM(3, 5)(tf.ones(2, 7, 3)).shape
(LSTM(3 => 5), (2, 7, 5))
"""

from __future__ import annotations

from typing import Any, Generic, Tuple

from typing_extensions import TypeVar, Unpack

from typedflux.layers.core import Layer, glorot_uniform, zeros32
from typedflux.ops import layers_nn as F
from typedflux.shapes.layers import LAYERS
from typedflux.tensor import Tensor

__all__ = ["RNN", "LSTM", "GRU"]

# Size parameters are covariant: a list of layers of several sizes ([Dense(4, 8),
# Dense(8, 2)]) joins to one with unknown sizes (Dense[int, int]), not to object.
In = TypeVar("In", bound=int, default=Any, covariant=True)
H = TypeVar("H", bound=int, default=Any, covariant=True)
B = TypeVar("B", bound=int, default=Any)
T = TypeVar("T", bound=int, default=Any)

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


class RNN(Layer, Generic[In, H]):
    """``RNN(in, hidden)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``,
    ``h_t = tanh(weight_ih @ x_t + weight_hh @ h_{t-1} + bias)``, ``h_0 = 0``.

    - ``weight_ih``: ``Tensor[g*hidden, in]``, ``weight_hh``: ``Tensor[g*hidden, hidden]``
      (Glorot-uniform), ``bias``: ``Tensor[g*hidden]`` (zeros), with ``g`` gate blocks
      (1 here; 4 for LSTM, 3 for GRU), stacked in PyTorch's order.

    >>> import typedflux as tf
    >>> RNN(3, 5)(tf.ones(2, 7, 3)).shape
    (2, 7, 5)
    """

    spec = LAYERS["RNN"]
    gates = 1

    weight_ih: AnyTensor
    weight_hh: AnyTensor
    bias: AnyTensor

    def __init__(self, in_features: int, hidden: int) -> None:
        a = self._configure(in_features, hidden)
        g, n, h = self.gates, a["in_features"], a["hidden"]
        self.weight_ih = glorot_uniform(g * h, n)
        self.weight_hh = glorot_uniform(g * h, h)
        self.bias = zeros32(g * h)

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.weight_ih.shape[1], self.weight_hh.shape[1])

    def _apply(self, x: Any) -> AnyTensor:
        return F.rnn_sequence(x, self.weight_ih, self.weight_hh, self.bias)

    def __call__(self, x: Tensor[B, T, In]) -> Tensor[B, T, H]:
        self.check(x)
        return self._apply(x)


class LSTM(RNN[In, H]):
    """``LSTM(in, hidden)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``, gates
    ``i, f, g, o`` stacked in that order (PyTorch's) in ``weight_ih Tensor[4*hidden, in]``,
    ``weight_hh Tensor[4*hidden, hidden]``, ``bias Tensor[4*hidden]``;
    ``c_t = f*c_{t-1} + i*g``, ``h_t = o*tanh(c_t)``. The forget-gate bias starts at 1
    (as in Flux), the others at 0.

    >>> import typedflux as tf
    >>> LSTM(3, 5).bias.numpy().reshape(4, 5)[:, 0].tolist()
    [0.0, 1.0, 0.0, 0.0]
    """

    spec = LAYERS["LSTM"]
    gates = 4

    def __init__(self, in_features: int, hidden: int) -> None:
        super().__init__(in_features, hidden)
        h = self.weight_hh.shape[1]
        self.bias.data[h : 2 * h] = 1.0

    def _apply(self, x: Any) -> AnyTensor:
        return F.lstm_sequence(x, self.weight_ih, self.weight_hh, self.bias)


class GRU(RNN[In, H]):
    """``GRU(in, hidden)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``, Flux's GRU cell
    with blocks ``r, z, n`` (PyTorch's order) and one bias:
    ``n = tanh(W_in x + r*(W_hn h) + b_n)``, ``h' = (1-z)*n + z*h``.

    >>> import typedflux as tf
    >>> GRU(3, 5)(tf.ones(2, 7, 3)).shape
    (2, 7, 5)
    """

    spec = LAYERS["GRU"]
    gates = 3

    def _apply(self, x: Any) -> AnyTensor:
        return F.gru_sequence(x, self.weight_ih, self.weight_hh, self.bias)
