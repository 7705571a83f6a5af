"""Beam search decodes B sentences with K beams each, so the decoder's queries are (B*K, 1, D);
the encoder memory (B, S, D) was not repeated per beam before cross-attention."""
import typedflux as tf
from typedflux import Dense, Embedding

B, K, S, D, V = 2, 3, 5, 8, 20
emb = Embedding(V, D)
out = Dense(D, V)
memory = tf.randn(B, S, D)
tokens = tf.tensor([[1]] * (B * K))
mem = tf.repeat_interleave(memory, K, axis=0)
for _ in range(3):
    q = emb(tokens[:, -1:])
    att = tf.softmax(q @ mem.swapaxes(1, 2), axis=-1)
    logits = out(att @ mem)[:, -1]
    nxt = tf.argmax(logits, axis=-1, keepdims=True)
    tokens = tf.cat(tokens, nxt, axis=1)
print(tokens.shape)
