"""Two stacked LSTMs: the second takes the first's hidden width, not the embedding's."""
import typedflux as tf
from typedflux import LSTM, Chain, Dense, Embedding

model = Chain(
    Embedding(100, 24),
    LSTM(24, 48),
    LSTM(48, 48),
    Dense(48, 2),
)
print(model(tf.tensor([[3, 5, 7], [1, 1, 2]])).shape)
