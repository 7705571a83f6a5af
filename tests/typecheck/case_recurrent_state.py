"""Recurrent state (Flux 0.16): a state of the wrong shape is reported where the layer is
called; return_state=True types the result as (y, state), and in a Chain what such a layer
gives the next item (a lambda taking ``(y, (h, c))``) is not known, its own input still
checked; concrete and symbolic, each with a version that is clean."""

from typing import Tuple, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)

x = tf.zeros(2, 7, 16)
reveal_type(tf.LSTM(16, 32, return_state=True))  # N: Revealed type is "typedflux.layers.recurrent.LSTM[Literal[16], Literal[32], Literal[True]]"
reveal_type(tf.GRU(16, 32)(x, tf.zeros(32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[7], Literal[32]]"
reveal_type(tf.RNN(16, 8, return_state=True)(x))  # N: Revealed type is "tuple[typedflux.tensor.Tensor[Literal[2], Literal[7], Literal[8]], typedflux.tensor.Tensor[Literal[2], Literal[8]]]"
reveal_type(tf.initialstates(tf.LSTM(16, 32)))  # N: Revealed type is "tuple[typedflux.tensor.Tensor[Literal[32]], typedflux.tensor.Tensor[Literal[32]]]"
wrong_hidden = tf.GRU(16, 32)(x, tf.zeros(2, 64))  # E: Initial state does not fit "GRU(16 => 32)": h0 has Tensor[2, 64], x has Tensor[2, 7, 16]; need h0 of Tensor[2, 32] or Tensor[32] (size 32 at axis -1, got 64)  [shape]
wrong_batch = tf.RNN(16, 32)(x, tf.zeros(3, 32))  # E: Initial state does not fit "RNN(16 => 32)": h0 has Tensor[3, 32], x has Tensor[2, 7, 16]; need h0 of Tensor[2, 32] or Tensor[32] (size 2 at axis 0, got 3)  [shape]
wrong_rank = tf.RNN(16, 32)(x, tf.zeros(1, 2, 32))  # E: Initial state does not fit "RNN(16 => 32)": h0 has Tensor[1, 2, 32], x has Tensor[2, 7, 16]; need h0 of Tensor[2, 32] or Tensor[32] (rank 3)  [shape]

# A seq2seq model: the decoder starts from the encoder's last state.
encoder = tf.LSTM(16, 32, return_state=True)
decoder = tf.LSTM(8, 32)
_, state = encoder(x)
reveal_type(state)  # N: Revealed type is "tuple[typedflux.tensor.Tensor[Literal[2], Literal[32]], typedflux.tensor.Tensor[Literal[2], Literal[32]]]"
reveal_type(decoder(tf.zeros(2, 5, 8), state))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5], Literal[32]]"
small_decoder = tf.LSTM(8, 16)(tf.zeros(2, 5, 8), state)  # E: Initial state does not fit "LSTM(8 => 16)": h0 has Tensor[2, 32], x has Tensor[2, 5, 8]; need h0 of Tensor[2, 16] or Tensor[16] (size 16 at axis -1, got 32)  [shape]
h, c = state
mixed = decoder(tf.zeros(2, 5, 8), (h, tf.zeros(2, 16)))  # E: Initial state does not fit "LSTM(8 => 32)": c0 has Tensor[2, 16], x has Tensor[2, 5, 8]; need c0 of Tensor[2, 32] or Tensor[32] (size 32 at axis -1, got 16)  [shape]


# Symbolic: stateful generation continues from the state (any batch B); a state sized for
# another layer is reported with the batch still symbolic.
def generate(step: Tensor[B, 1, 16], h: Tensor[B, 32]) -> Tuple[Tensor[B, 1, 32], Tensor[B, 32]]:
    return tf.GRU(16, 32, return_state=True)(step, h)


def encode(src: Tensor[B, T, 16]) -> Tuple[Tensor[B, 32], Tensor[B, 32]]:
    _, last = tf.LSTM(16, 32, return_state=True)(src)
    return last


def wrong_state(step: Tensor[B, 1, 16], h: Tensor[B, 64]) -> None:
    tf.GRU(16, 32)(step, h)  # E: Initial state does not fit "GRU(16 => 32)": h0 has Tensor[B, 64], x has Tensor[B, 1, 16]; need h0 of Tensor[B, 32] or Tensor[32] (size 32 at axis -1, got 64)  [shape]


last_step = tf.Chain(tf.LSTM(16, 32, return_state=True), lambda out: out[0][:, -1], tf.Dense(32, 2))
reveal_type(last_step(x))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...], Literal[2]]"
with_state = tf.Chain(tf.GRU(16, 8, return_state=True),
                      lambda o: tf.cat(o[0][:, -1], o[1], axis=-1), tf.Dense(16, 2))
assert with_state(x).shape == (2, 2)
beside = tf.Parallel(lambda a, b: tf.cat(a[0], b, axis=-1), tf.LSTM(16, 8, return_state=True),
                     tf.Dense(16, 8))
assert beside(x).shape == (2, 7, 16)
narrow_step = last_step(tf.zeros(2, 7, 12))  # E: Chain layer 1 LSTM(16 => 32, return_state=True) expects input Tensor[B, T, 16], got Tensor[2, 7, 12]; need size 16 at axis -1 (got 12)  [shape]


def last_of(seq: Tensor[B, T, 12]) -> None:
    last_step(seq)  # E: Chain layer 1 LSTM(16 => 32, return_state=True) expects input Tensor[B, T, 16], got Tensor[B, T, 12]; need size 16 at axis -1 (got 12)  [shape]


generate(tf.ones(3, 1, 16), tf.zeros(3, 32))
encode(tf.ones(3, 4, 16))
wrong_state(tf.ones(3, 1, 16), tf.zeros(3, 64))
last_of(tf.ones(3, 4, 12))
