"""Recurrent state in every correct form: given states, pairs, a bidirectional encoder, a decoder
stepped one token at a time from the encoder's last state, attention over the encoder."""
from typing import List, Tuple

import typedflux as tf
from typedflux import GRU, LSTM, RNN, Dense, Embedding

rnn = RNN(8, 16)
lstm = LSTM(8, 16, return_state=True)
gru = GRU(8, 16, return_state=True)
x = tf.randn(2, 5, 8)
print(rnn(x, tf.zeros(2, 16)).shape, rnn(x, tf.zeros(16)).shape)
y, (h, c) = lstm(x, (tf.zeros(2, 16), tf.zeros(2, 16)))
y2, hg = gru(x)
print(y.shape, h.shape, c.shape, y2.shape, hg.shape)
fwd = GRU(8, 16)
bwd = GRU(8, 16)
both = tf.cat(fwd(x), bwd(x[:, ::-1])[:, ::-1], axis=-1)
print(both.shape)

emb = Embedding(30, 8)
enc = LSTM(8, 16, return_state=True)
dec = LSTM(8, 16, return_state=True)
attn_proj = Dense(32, 16)
out = Dense(16, 30)
src = tf.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
mem, state = enc(emb(src))
tok = tf.tensor([[0], [0]])
outs: List[tf.Tensor] = []
for t in range(6):
    step, state = dec(emb(tok), state)
    scores = tf.softmax(step @ mem.transpose(0, 2, 1), axis=-1)
    ctx = scores @ mem
    logits = out(attn_proj(tf.cat(step, ctx, axis=-1)))
    tok = tf.argmax(logits, axis=-1)
    outs.append(logits)
print(tf.cat(*outs, axis=1).shape)

cell_state: Tuple[tf.Tensor, tf.Tensor] = (tf.zeros(2, 16), tf.zeros(2, 16))
seq = tf.randn(2, 7, 8)
ys = []
for t in range(seq.shape[1]):
    yt, cell_state = lstm(seq[:, t:t + 1], cell_state)
    ys.append(yt)
print(tf.cat(*ys, axis=1).shape, tf.stack([s for s in cell_state]).shape)
