"""Hidden layers made with functools.partial(Dense, activation=gelu): the third layer
repeats the second's input width."""
from functools import partial

import typedflux as tf
from typedflux import Chain, Dense, gelu

hidden = partial(Dense, activation=gelu)
mlp = Chain(
    hidden(16, 64),
    hidden(64, 32),
    hidden(32, 32),
    Dense(32, 1),
)
print(mlp(tf.randn(8, 16)).shape)
