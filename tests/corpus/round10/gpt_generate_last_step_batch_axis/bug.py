"""GPT sampling: the logits of the last position, logits[:, -1], give the next token of every
sequence. logits[-1] takes the last sequence's logits for every position instead."""
import typedflux as tf
from typedflux import Dense, Embedding

V, D = 30, 8
wte = Embedding(V, D)
head = Dense(D, V)
idx = tf.tensor([[1, 2, 3]])
for _ in range(2):
    logits = head(wte(idx))
    nxt = tf.argmax(logits[-1], axis=-1, keepdims=True)
    idx = tf.cat(idx, nxt, axis=1)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[1, 3], xs[1] has Tensor[3, 1]; need equal sizes except at axis 1 (1 vs 3 at axis 0)  [shape]
print(idx.shape)
