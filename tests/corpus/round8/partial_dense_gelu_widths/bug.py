"""Hidden layers made with functools.partial(Dense, activation=gelu): the third layer
repeats the second's input width."""
from functools import partial

import typedflux as tf
from typedflux import Chain, Dense, gelu

hidden = partial(Dense, activation=gelu)
mlp = Chain(
    hidden(16, 64),
    hidden(64, 32),
    hidden(64, 32),  # BUG  # E: Chain layer 3 Dense(64 => 32, gelu) expects input Tensor[..., 64], but layer 2 Dense(64 => 32, gelu) produces Tensor[B, 32]; change Dense(64 => 32, gelu) to Dense(32 => 32, gelu)  [shape]
    Dense(32, 1),
)
print(mlp(tf.randn(8, 16)).shape)
