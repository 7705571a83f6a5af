"""Two stacked LSTMs: the second takes the first's hidden width, not the embedding's."""
import typedflux as tf
from typedflux import LSTM, Chain, Dense, Embedding

model = Chain(
    Embedding(100, 24),
    LSTM(24, 48),
    LSTM(24, 48),  # BUG  # E: Chain layer 3 LSTM(24 => 48) expects input Tensor[B, T, 24], but layer 2 LSTM(24 => 48) produces Tensor[B, T, 48]; change LSTM(24 => 48) to LSTM(48 => 48)  [shape]
    Dense(48, 2),
)
print(model(tf.tensor([[3, 5, 7], [1, 1, 2]])).shape)
