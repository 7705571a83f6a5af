"""Decoder inputs and targets are shifted by one step, but the targets keep the full length."""
import typedflux as tf
from typedflux import GRU, Chain, Dense, Embedding

decoder = Chain(Embedding(20, 8), GRU(8, 16), Dense(16, 20))
seq = tf.tensor([[1, 4, 5, 6, 2], [1, 7, 8, 9, 2]])
inputs, targets = seq[:, :-1], seq[:, :]
logits = decoder(inputs)
print(tf.losses.logitcrossentropy(logits, tf.onehot(targets, 20)).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[2, 4, 20], target has Tensor[2, 5, 20]; need identical shapes (no broadcasting in losses) (4 vs 5 at axis -2)  [shape]
