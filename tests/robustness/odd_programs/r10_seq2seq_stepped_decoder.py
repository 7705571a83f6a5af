"""A seq2seq decoder stepped one token at a time with return_state, Bahdanau attention, teacher forcing."""
import typedflux as tf
from typedflux import Dense, Embedding, GRU, LSTM, tanh

V, E, H, S = 20, 8, 16, 7
enc = GRU(E, H, return_state=True)
dec = GRU(E + H, H, return_state=True)
emb = Embedding(V, E)
W_a, U_a, v_a = Dense(H, H), Dense(H, H), Dense(H, 1)
out = Dense(H, V)

src = tf.tensor([[1, 2, 3, 4, 5, 6, 7], [2, 3, 4, 5, 6, 7, 8]])
tgt = tf.tensor([[1, 3, 5, 7], [2, 4, 6, 8]])
enc_out, h = enc(emb(src))
logits = []
tok = tgt[:, :1]
for t in range(tgt.shape[1]):
    score = v_a(tanh(W_a(enc_out) + U_a(h)[:, None, :]))
    alpha = tf.softmax(score, axis=1)
    ctx = (alpha * enc_out).sum(axis=1)
    step_in = tf.cat(emb(tok)[:, 0], ctx, axis=-1)[:, None, :]
    y, h = dec(step_in, h)
    logits.append(out(y[:, 0]))
    tok = tgt[:, t:t + 1]
print(tf.stack(logits, axis=1).shape)

lstm = LSTM(E, H, return_state=True)
state = (tf.zeros(2, H), tf.zeros(2, H))
for t in range(3):
    y, state = lstm(emb(src[:, t:t + 1]), state)
hN, cN = state
print(y.shape, hN.shape, cN.shape)
