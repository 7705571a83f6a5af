"""A GPT's forward adds the first T rows of its learned position table (block size 8); the prompt
was not cropped to the block size before the call, so 12 positions meet 8 rows."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm

VOCAB, BLOCK, D = 30, 8, 16
tok = Embedding(VOCAB, D)
pos_table = tf.randn(BLOCK, D) * 0.02
ln = LayerNorm(D)
head = Dense(D, VOCAB)
prompt = tf.tensor([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]])
idx = prompt
t = idx.shape[1]
x = tok(idx) + pos_table[:t]  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 12, 16], y has Tensor[8, 16]; need equal sizes or 1 at axis -2 (12 vs 8)  [shape]
print(head(ln(x))[:, -1].shape)
