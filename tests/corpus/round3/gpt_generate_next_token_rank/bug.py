"""GPT sampling loop: argmax without keepdims gives [B], which cannot join [B, T] on axis 1."""
import typedflux as tf
from typedflux import Dense, Embedding

VOCAB, D = 50, 32
wte = Embedding(VOCAB, D)
lm_head = Dense(D, VOCAB)
idx = tf.tensor([[1, 2, 3], [4, 5, 6]])
logits = lm_head(wte(idx))
nxt = tf.argmax(logits[:, -1, :], axis=-1)
idx = tf.concat([idx, nxt], axis=1)  # BUG  # E: Ranks differ for "concat": xs[0] has Tensor[2, 3], xs[1] has Tensor[2]; need equal ranks (2 vs 1)  [shape]
print(idx.shape)
