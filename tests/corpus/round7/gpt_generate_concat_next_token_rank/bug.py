"""GPT sampling loop: the next token (from `onecold` of the last logits) is appended to the
context; it needs a time axis first."""
from typing import Final

import typedflux as tf
from typedflux import Dense, Embedding

V: Final = 20
D: Final = 8
BLOCK: Final = 6
embed = Embedding(V, D)
head = Dense(D, V)
idx = tf.tensor([[1, 2], [3, 4]])
for _ in range(3):
    logits = head(embed(idx[:, -BLOCK:]))
    nxt = tf.onecold(logits[:, -1, :])
    idx = tf.concat([idx, nxt], axis=1)  # BUG  # E: Ranks differ for "concat": xs[0] has Tensor[2, 2], xs[1] has Tensor[2]; need equal ranks (2 vs 1)  [shape]
print(idx.shape)
