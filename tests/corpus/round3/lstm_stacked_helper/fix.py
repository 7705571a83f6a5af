"""Stacked LSTMs from a helper: the second layer's input width is the first's input, not its
hidden size."""
import typedflux as tf
from typedflux import LSTM, Chain, Dense


def stacked(inp: int, hidden: int) -> Chain:
    return Chain(LSTM(inp, hidden), LSTM(inp, hidden))


model = Chain(Chain(LSTM(16, 32), LSTM(32, 32)), Dense(32, 4))
print(model(tf.randn(2, 9, 16)).shape)
