"""A layer after ``Flatten()`` that takes another rank fails for EVERY input: Flatten's output
has rank 2 whatever it is given (and Dense, Dropout, LayerNorm, BatchNorm keep it), so the
Chain is refused where it is built. (A rank the construction check only assumed from a
template, such as a Dense layer's ``(B, in)`` at the start, proves nothing and stays quiet.)
The run time's constructor raises the same words; fixes clean.
"""

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import LSTM, Chain, Conv, Dense, Flatten, MaxPool

x = tf.zeros(2, 1, 10, 10)

bad = Chain(Conv((3, 3), 1, 8), Flatten(), MaxPool((2, 2)))  # E: Chain layer 3 MaxPool((2, 2)) expects input Tensor[B, C, H, W], but layer 2 Flatten() produces Tensor[B, 8*(H' - 2)*(W' - 2)]  [shape]
fixed = Chain(Conv((3, 3), 1, 8), MaxPool((2, 2)), Flatten())
reveal_type(fixed(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[128]]"

bad_first = Chain(Flatten(), LSTM(5, 3))  # E: Chain layer 2 LSTM(5 => 3) expects input Tensor[B, T, 5], but layer 1 Flatten() produces Tensor[?, ?]  [shape]
fixed_first = Chain(Flatten(), Dense(5, 3))
reveal_type(fixed_first(tf.zeros(4, 5)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[3]]"

bad_nested = Chain(Flatten(), Chain(Conv((3, 3), 8, 16)))  # E: Chain layer 2 Chain(Conv((3, 3), 8 => 16)): Chain layer 1 Conv((3, 3), 8 => 16) expects input Tensor[B, 8, H, W], got Tensor[?, ?]; need rank 4 (got 2)  [shape]  # N: input to layer 2: Tensor[?, ?]

# Dense keeps its input's rank, so the certainty carries through it.
bad_after_dense = Chain(Flatten(), Dense(10, 5), Conv((3, 3), 5, 16))  # E: Chain layer 3 Conv((3, 3), 5 => 16) expects input Tensor[B, 5, H, W], but layer 2 Dense(10 => 5) produces Tensor[?, 5]  [shape]
fixed_after_dense = Chain(Conv((3, 3), 1, 5), Flatten(), Dense(320, 5))
reveal_type(fixed_after_dense(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5]]"
