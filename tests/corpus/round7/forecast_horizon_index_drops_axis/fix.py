"""A forecaster predicts the last HORIZON values of each series; the targets were taken with
an index instead of a slice."""
from typing import Final

import typedflux as tf
from typedflux import Chain, Dense, relu

HORIZON: Final = 4
series = tf.randn(6, 24)
model = Chain(Dense(20, 32, relu), Dense(32, HORIZON))
history, future = series[:, :-HORIZON], series[:, -HORIZON:]
print(tf.losses.mse(model(history), future).item())
