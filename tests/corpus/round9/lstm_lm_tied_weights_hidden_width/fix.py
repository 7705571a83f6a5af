"""An LSTM language model with tied input and output embeddings: the hidden width (48) must
be projected to the embedding width (32) before the tied decoder."""
import typedflux as tf
from typedflux import LSTM, Dense, Embedding

V, E, H = 60, 32, 48
emb = Embedding(V, E)
lstm = LSTM(E, H)
ids = tf.tensor([[1, 2, 3], [4, 5, 6]])
h = lstm(emb(ids))
logits = Dense(H, E)(h) @ emb.weight.T
print(logits.shape)
