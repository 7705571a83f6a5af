"""GPT sampling appends the chosen token to the context: the argmax over the vocabulary of the
last position is (B,), so it needs a column axis before the concat along time; it was given a
leading one."""
import typedflux as tf
from typedflux import Dense, Embedding

VOCAB, D = 25, 16
tok = Embedding(VOCAB, D)
head = Dense(D, VOCAB)
idx = tf.tensor([[1, 2, 3], [4, 5, 6]])
for _ in range(3):
    logits = head(tok(idx))[:, -1, :]
    nxt = tf.argmax(logits, axis=-1)
    idx = tf.concat([idx, nxt.unsqueeze(1)], axis=1)
print(idx.shape)
