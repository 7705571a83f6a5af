"""A character model: the LSTM's input size does not match the embedding width."""
import typedflux as tf
from typedflux import LSTM, Chain, Dense, Embedding

model = Chain(Embedding(40, 16), LSTM(32, 24), Dense(24, 40))  # BUG  # E: Chain layer 2 LSTM(32 => 24) expects input Tensor[B, T, 32], but layer 1 Embedding(40 => 16) produces Tensor[B, T, 16]; change LSTM(32 => 24) to LSTM(16 => 24)  [shape]
ids = tf.tensor([[1, 2, 3], [4, 5, 6]])
print(model(ids).shape)
