"""Two stacked LSTMs: the second is declared with the first one's input size."""
import typedflux as tf
from typedflux import LSTM, Chain, Dense

model = Chain(
    LSTM(12, 32),
    LSTM(12, 32),  # BUG  # E: Chain layer 2 LSTM(12 => 32) expects input Tensor[B, T, 12], but layer 1 LSTM(12 => 32) produces Tensor[B, ?, 32]; change LSTM(12 => 32) to LSTM(32 => 32)  [shape]
    Dense(32, 1),
)
print(model(tf.randn(2, 4, 12)).shape)
