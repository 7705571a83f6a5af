"""Generation loop: tokens grow one by one; a cache as a list; the sequence tensor rebound."""
import typedflux as tf
from typedflux import Dense, Embedding

V, D = 20, 8
emb = Embedding(V, D)
head = Dense(D, V)
head.weight = emb.weight

idx = tf.tensor([[1, 2, 3]])
for _ in range(4):
    logits = head(emb(idx))[:, -1, :]
    nxt = tf.argmax(logits, axis=-1, keepdims=True)
    idx = tf.cat(idx, nxt, axis=1)
print(idx.shape)

ks = []
for t in range(3):
    ks.append(tf.randn(1, t + 1, D))
print([k.shape for k in ks])
seq = tf.zeros(2, 0, D)
for t in range(3):
    seq = tf.cat(seq, tf.randn(2, 1, D), axis=1)
print(seq.shape)
