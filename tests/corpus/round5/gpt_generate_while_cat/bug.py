"""Greedy generation: each step appends one token (rebinding idx in a while loop)."""
import typedflux as tf
from typedflux import Dense, Embedding

vocab, D = 20, 8
emb, head = Embedding(vocab, D), Dense(D, vocab)
idx = tf.tensor([[1, 2, 3]])
steps = 0
while steps < 4:
    logits = head(emb(idx))[:, -1, :]
    nxt = logits.argmax(axis=-1, keepdims=True)
    idx = tf.cat(idx, nxt, axis=1)
    steps += 1
table = tf.randn(vocab, D)
print((emb(idx) @ table).shape)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[1, ?, 8], w has Tensor[20, 8]; need x.shape[-1] == w.shape[-2] (8 vs 20); did you mean to transpose w (w.T)?  [shape]
