"""An LSTM language model with tied input and output embeddings: the hidden width (48) must
be projected to the embedding width (32) before the tied decoder."""
import typedflux as tf
from typedflux import LSTM, Dense, Embedding

V, E, H = 60, 32, 48
emb = Embedding(V, E)
lstm = LSTM(E, H)
ids = tf.tensor([[1, 2, 3], [4, 5, 6]])
h = lstm(emb(ids))
logits = h @ emb.weight.T  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 3, 48], w has Tensor[32, 60]; need x.shape[-1] == w.shape[-2] (48 vs 32)  [shape]
print(logits.shape)
