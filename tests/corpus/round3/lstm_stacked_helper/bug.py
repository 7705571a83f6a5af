"""Stacked LSTMs from a helper: the second layer's input width is the first's input, not its
hidden size."""
import typedflux as tf
from typedflux import LSTM, Chain, Dense


def stacked(inp: int, hidden: int) -> Chain:
    return Chain(LSTM(inp, hidden), LSTM(inp, hidden))


model = Chain(stacked(16, 32), Dense(32, 4))  # BUG  # E: Chain layer 2 LSTM(16 => 32) expects input Tensor[B, T, 16], but layer 1 LSTM(16 => 32) produces Tensor[B, ?, 32]; change LSTM(16 => 32) to LSTM(32 => 32)  [shape]
print(model(tf.randn(2, 9, 16)).shape)
