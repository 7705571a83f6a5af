"""Beam search decodes B sentences with K beams each, so the decoder's queries are (B*K, 1, D);
the encoder memory (B, S, D) was not repeated per beam before cross-attention."""
import typedflux as tf
from typedflux import Dense, Embedding

B, K, S, D, V = 2, 3, 5, 8, 20
emb = Embedding(V, D)
out = Dense(D, V)
memory = tf.randn(B, S, D)
tokens = tf.tensor([[1]] * (B * K))
mem = memory
for _ in range(3):
    q = emb(tokens[:, -1:])
    att = tf.softmax(q @ mem.swapaxes(1, 2), axis=-1)  # BUG  # E: Cannot broadcast batch dimensions for "matmul": x has Tensor[6, 1, 8], w has Tensor[2, 8, 5]; need equal sizes or 1 at axis -3 (6 vs 2)  [shape]
    logits = out(att @ mem)[:, -1]
    nxt = tf.argmax(logits, axis=-1, keepdims=True)
    tokens = tf.cat(tokens, nxt, axis=1)
print(tokens.shape)
