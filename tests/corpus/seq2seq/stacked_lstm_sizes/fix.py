"""Two stacked LSTMs: the second is declared with the first one's input size."""
import typedflux as tf
from typedflux import LSTM, Chain, Dense

model = Chain(
    LSTM(12, 32),
    LSTM(32, 32),
    Dense(32, 1),
)
print(model(tf.randn(2, 4, 12)).shape)
