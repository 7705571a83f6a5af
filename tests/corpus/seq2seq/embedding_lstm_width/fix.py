"""A character model: the LSTM's input size does not match the embedding width."""
import typedflux as tf
from typedflux import LSTM, Chain, Dense, Embedding

model = Chain(Embedding(40, 16), LSTM(16, 24), Dense(24, 40))
ids = tf.tensor([[1, 2, 3], [4, 5, 6]])
print(model(ids).shape)
