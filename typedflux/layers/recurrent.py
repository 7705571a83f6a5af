"""Recurrent layers over batch-first sequences: RNN, LSTM, GRU (``Tensor[B, T, in] ->
Tensor[B, T, hidden]``, the whole output sequence), with Flux 0.16's state API:

- ``rnn(x)`` starts from :func:`initialstates` (zeros); ``rnn(x, h0)`` / ``lstm(x, (h0,
  c0))`` from a given state, ``Tensor[B, hidden]`` or ``Tensor[hidden]`` (one for every
  sequence); its gradient flows back into the state (so it can be trained, or come from an
  encoder);
- ``return_state=True`` makes a call return ``(y, h)`` (``(y, (h, c))`` for LSTM), the state
  after the last step, ``Tensor[B, hidden]``: a decoder starts from an encoder's state, and
  stateful generation continues from the last state without running the context again.

Each layer is one fused primitive over the whole sequence with a hand-written
backpropagation through time; the input projections of all steps are one GEMM.

>>> import typedflux as tf
>>> LSTM(3, 5), LSTM(3, 5)(tf.ones(2, 7, 3)).shape
(LSTM(3 => 5), (2, 7, 5))
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Literal, Optional, Tuple, overload

import numpy as np
from typing_extensions import TypeVar, Unpack

from typedflux.layers.core import Layer, glorot_uniform, zeros32
from typedflux.ops import layers_nn as F
from typedflux.ops import recurrent_state as S
from typedflux.shapes.layers import LAYERS
from typedflux.tensor import Tensor

__all__ = ["RNN", "LSTM", "GRU", "initialstates"]

# Size parameters are covariant: a list of layers of several sizes ([Dense(4, 8),
# Dense(8, 2)]) joins to one with unknown sizes (Dense[int, int]), not to object.
In = TypeVar("In", bound=int, default=Any, covariant=True)
H = TypeVar("H", bound=int, default=Any, covariant=True)
# Whether a call returns the last state too (Flux's RNN{S}): Literal[True] or Literal[False].
R = TypeVar("R", bound=bool, default=Literal[False], covariant=True)
B = TypeVar("B", bound=int, default=Any)
T = TypeVar("T", bound=int, default=Any)

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

# Per-layer memo size for the check with states (as Layer.check's).
_MEMO_LIMIT = 64


def _data(x: Any) -> Any:
    return x.data if isinstance(x, Tensor) else np.asarray(x)


class _Recurrent(Layer):
    """What RNN, GRU and LSTM share: parameters, the state checks and the final state."""

    gates: ClassVar[int] = 1

    weight_ih: AnyTensor
    weight_hh: AnyTensor
    bias: AnyTensor
    return_state: bool

    def _setup(self, in_features: int, hidden: int, return_state: bool) -> None:
        a = self._configure(in_features, hidden, return_state)
        g, n, h = self.gates, a["in_features"], a["hidden"]
        self.weight_ih = glorot_uniform(g * h, n)
        self.weight_hh = glorot_uniform(g * h, h)
        self.bias = zeros32(g * h)
        self.return_state = a["return_state"]

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.weight_ih.shape[1], self.weight_hh.shape[1], self.return_state)

    @property
    def hidden(self) -> int:
        """The state size."""
        return int(self.weight_hh.shape[1])

    def _zeros(self) -> AnyTensor:
        w = self.weight_hh.data
        return Tensor(np.zeros_like(w, shape=(w.shape[1],)), w.dtype)

    def _check_states(self, x: Any, states: Tuple[Any, ...]) -> None:
        """The layer rule on the input and the states' shapes (memoised per layer)."""
        shapes = (self._shape_of(x),) + tuple(self._shape_of(s) for s in states)
        key = (self._key(), shapes)
        memo = self.__dict__.get("_memo_states")
        if memo is None:
            memo = self.__dict__["_memo_states"] = {}
        if key not in memo:
            self.config.call(list(shapes))
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = True

    def _state(self, state: Any, n: int) -> Any:
        """A given initial state as ``(B, hidden)`` (differentiable: a ``(hidden,)`` state is
        broadcast by an add, whose gradient sums back)."""
        if tuple(_data(state).shape) == (n, self.hidden):
            return state
        w = self.weight_hh.data
        return state + Tensor(np.zeros_like(w, shape=(n, self.hidden)), w.dtype)

    def _last(self, y: Any, start: Any, n: int) -> Any:
        """The state after the last step: ``y[:, -1]`` (the start for an empty sequence)."""
        if _data(y).shape[1] > 0:
            return y[:, -1]
        return self._state(start if start is not None else self._zeros(), n)

    def initialstates(self) -> Any:
        """The state a call starts from when none is given: zeros ``Tensor[hidden]`` in the
        parameters' dtype (``(h, c)`` for LSTM), as Flux's ``initialstates``.

        >>> import typedflux as tf
        >>> tf.GRU(3, 4).initialstates().numpy().tolist()
        [0.0, 0.0, 0.0, 0.0]
        """
        return self._zeros()


class RNN(_Recurrent, Generic[In, H, R]):
    """``RNN(in, hidden, return_state=False)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``,
    ``h_t = tanh(weight_ih @ x_t + weight_hh @ h_{t-1} + bias)`` from ``h_{-1} = state``
    (zeros when not given).

    - ``weight_ih``: ``Tensor[g*hidden, in]``, ``weight_hh``: ``Tensor[g*hidden, hidden]``
      (Glorot-uniform), ``bias``: ``Tensor[g*hidden]`` (zeros), with ``g`` gate blocks
      (1 here; 4 for LSTM, 3 for GRU), stacked in PyTorch's order.
    - ``rnn(x, state)``: ``state`` is ``Tensor[B, hidden]`` or ``Tensor[hidden]``.
    - ``return_state=True``: a call returns ``(y, h)`` with ``h = y[:, -1]``,
      ``Tensor[B, hidden]``.

    >>> import typedflux as tf
    >>> RNN(3, 5)(tf.ones(2, 7, 3)).shape
    (2, 7, 5)
    >>> y, h = RNN(3, 5, return_state=True)(tf.ones(2, 7, 3), tf.zeros(5))
    >>> y.shape, h.shape
    ((2, 7, 5), (2, 5))
    >>> RNN(3, 5)(tf.ones(2, 7, 3), tf.zeros(2, 4))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Initial state does not fit "RNN(3 => 5)": h0 has Tensor[2, 4], x has Tensor[2, 7, 3]; need h0 of Tensor[2, 5] or Tensor[5] (size 5 at axis -1, got 4)
    """

    spec = LAYERS["RNN"]
    gates = 1

    @overload
    def __init__(self: "RNN[In, H, Literal[False]]", in_features: int, hidden: int,
                 return_state: Literal[False] = ...) -> None: ...

    @overload
    def __init__(self: "RNN[In, H, Literal[True]]", in_features: int, hidden: int,
                 return_state: Literal[True]) -> None: ...

    @overload
    def __init__(self, in_features: int, hidden: int, return_state: bool = ...) -> None: ...

    def __init__(self, in_features: int, hidden: int, return_state: bool = False) -> None:
        self._setup(in_features, hidden, return_state)

    def _apply(self, x: Any, h0: Any) -> AnyTensor:
        if h0 is None:
            return F.rnn_sequence(x, self.weight_ih, self.weight_hh, self.bias)
        return S.rnn_state(x, self.weight_ih, self.weight_hh, self.bias, h0)

    @overload
    def __call__(self: "RNN[In, H, Literal[False]]", x: Tensor[B, T, In],
                 state: Optional[AnyTensor] = None) -> Tensor[B, T, H]: ...

    @overload
    def __call__(self: "RNN[In, H, Literal[True]]", x: Tensor[B, T, In],
                 state: Optional[AnyTensor] = None) -> Tuple[Tensor[B, T, H], Tensor[B, H]]: ...

    def __call__(self, x: Any, state: Any = None) -> Any:
        if state is None:
            self.check(x)
        else:
            self._check_states(x, (state,))
        y = self._apply(x, state)
        if not self.return_state:
            return y
        return y, self._last(y, state, _data(x).shape[0])


class GRU(RNN[In, H, R]):
    """``GRU(in, hidden, return_state=False)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``,
    Flux's GRU cell with blocks ``r, z, n`` (PyTorch's order) and one bias:
    ``n = tanh(W_in x + r*(W_hn h) + b_n)``, ``h' = (1-z)*n + z*h``. States as for
    :class:`RNN`.

    >>> import typedflux as tf
    >>> GRU(3, 5)(tf.ones(2, 7, 3)).shape
    (2, 7, 5)
    """

    spec = LAYERS["GRU"]
    gates = 3

    # RNN's overloads again with GRU self-types: mypy binds an inherited overload's
    # ``self: RNN[..]`` against GRU's own parameters and, without the plugin, typed
    # ``GRU(32, 64, return_state=True)`` as ``GRU[Any, Any, Literal[False]]`` (a call returned
    # a Tensor where the run time returns a tuple).
    @overload
    def __init__(self: "GRU[In, H, Literal[False]]", in_features: int, hidden: int,
                 return_state: Literal[False] = ...) -> None: ...

    @overload
    def __init__(self: "GRU[In, H, Literal[True]]", in_features: int, hidden: int,
                 return_state: Literal[True]) -> None: ...

    @overload
    def __init__(self, in_features: int, hidden: int, return_state: bool = ...) -> None: ...

    def __init__(self, in_features: int, hidden: int, return_state: bool = False) -> None:
        self._setup(in_features, hidden, return_state)

    def _apply(self, x: Any, h0: Any) -> AnyTensor:
        if h0 is None:
            return F.gru_sequence(x, self.weight_ih, self.weight_hh, self.bias)
        return S.gru_state(x, self.weight_ih, self.weight_hh, self.bias, h0)


class LSTM(_Recurrent, Generic[In, H, R]):
    """``LSTM(in, hidden, return_state=False)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``,
    gates ``i, f, g, o`` stacked in that order (PyTorch's) in ``weight_ih Tensor[4*hidden,
    in]``, ``weight_hh Tensor[4*hidden, hidden]``, ``bias Tensor[4*hidden]``;
    ``c_t = f*c_{t-1} + i*g``, ``h_t = o*tanh(c_t)``. The forget-gate bias starts at 1 (as
    in Flux), the others at 0.

    - ``lstm(x, (h0, c0))``: each ``Tensor[B, hidden]`` or ``Tensor[hidden]``.
    - ``return_state=True``: a call returns ``(y, (h, c))``, the states after the last step.

    >>> import typedflux as tf
    >>> LSTM(3, 5).bias.numpy().reshape(4, 5)[:, 0].tolist()
    [0.0, 1.0, 0.0, 0.0]
    >>> enc, dec = LSTM(3, 5, return_state=True), LSTM(2, 5)
    >>> _, state = enc(tf.ones(2, 7, 3))
    >>> dec(tf.ones(2, 4, 2), state).shape
    (2, 4, 5)
    """

    spec = LAYERS["LSTM"]
    gates = 4

    @overload
    def __init__(self: "LSTM[In, H, Literal[False]]", in_features: int, hidden: int,
                 return_state: Literal[False] = ...) -> None: ...

    @overload
    def __init__(self: "LSTM[In, H, Literal[True]]", in_features: int, hidden: int,
                 return_state: Literal[True]) -> None: ...

    @overload
    def __init__(self, in_features: int, hidden: int, return_state: bool = ...) -> None: ...

    def __init__(self, in_features: int, hidden: int, return_state: bool = False) -> None:
        self._setup(in_features, hidden, return_state)
        h = self.weight_hh.shape[1]
        self.bias.data[h : 2 * h] = 1.0

    def initialstates(self) -> Tuple[AnyTensor, AnyTensor]:
        """Zeros ``(h, c)``, each ``Tensor[hidden]`` (Flux's ``initialstates``).

        >>> import typedflux as tf
        >>> [s.shape for s in tf.LSTM(3, 4).initialstates()]
        [(4,), (4,)]
        """
        return self._zeros(), self._zeros()

    @overload
    def __call__(self: "LSTM[In, H, Literal[False]]", x: Tensor[B, T, In],
                 state: Optional[Tuple[AnyTensor, AnyTensor]] = None) -> Tensor[B, T, H]: ...

    @overload
    def __call__(
        self: "LSTM[In, H, Literal[True]]", x: Tensor[B, T, In],
        state: Optional[Tuple[AnyTensor, AnyTensor]] = None,
    ) -> Tuple[Tensor[B, T, H], Tuple[Tensor[B, H], Tensor[B, H]]]: ...

    def __call__(self, x: Any, state: Any = None) -> Any:
        if state is None:
            self.check(x)
            if not self.return_state:
                return F.lstm_sequence(x, self.weight_ih, self.weight_hh, self.bias)
            h0: Any = self._zeros()
            c0: Any = h0
        else:
            if not isinstance(state, (tuple, list)) or len(state) != 2:
                raise TypeError(
                    f"{self!r} takes its initial state as a pair (h0, c0), got "
                    f"{type(state).__name__}")
            h0, c0 = state
            self._check_states(x, (h0, c0))
        out = S.lstm_state(x, self.weight_ih, self.weight_hh, self.bias, h0, c0)
        k = self.hidden
        y = out[:, :, :k]
        if not self.return_state:
            return y
        n = _data(x).shape[0]
        if _data(out).shape[1] == 0:
            return y, (self._state(h0, n), self._state(c0, n))
        return y, (out[:, -1, :k], out[:, -1, k:])


@overload
def initialstates(layer: "LSTM[Any, H, Any]") -> Tuple[Tensor[H], Tensor[H]]: ...


@overload
def initialstates(layer: "RNN[Any, H, Any]") -> Tensor[H]: ...


@overload
def initialstates(layer: Any) -> Any: ...


def initialstates(layer: Any) -> Any:
    """The initial state of a recurrent layer (Flux's ``initialstates``): zeros
    ``Tensor[hidden]`` for RNN and GRU, a pair ``(h, c)`` for LSTM; what ``layer(x)`` starts
    from. Any object with an ``initialstates()`` method answers for itself.

    >>> import typedflux as tf
    >>> lstm = tf.LSTM(3, 4)
    >>> h, c = tf.initialstates(lstm)
    >>> bool((lstm(tf.ones(2, 5, 3), (h, c)).numpy() == lstm(tf.ones(2, 5, 3)).numpy()).all())
    True
    """
    fn = getattr(layer, "initialstates", None)
    if not callable(fn):
        raise TypeError(
            "initialstates needs a recurrent layer (RNN, LSTM, GRU) or an object with an "
            f"initialstates() method, got {type(layer).__name__}")
    return fn()
