"""A BiLSTM tagger's emission layer reads both directions concatenated (2H); it was sized
for one."""
import typedflux as tf
from typedflux import LSTM, Dense, Embedding

V, E, H, TAGS = 100, 16, 24, 9
emb = Embedding(V, E)
fwd, bwd = LSTM(E, H), LSTM(E, H)
emissions = Dense(H, TAGS)
ids = tf.tensor([[4, 8, 15, 16, 23, 42]])
x = emb(ids)
h = tf.cat(fwd(x), bwd(x[:, ::-1])[:, ::-1], axis=-1)
scores = emissions(h)  # BUG  # E: Dense(24 => 9) expects input Tensor[..., 24], got Tensor[1, 6, 48]; need size 24 at axis -1 (got 48)  [shape]
print(scores.shape)
