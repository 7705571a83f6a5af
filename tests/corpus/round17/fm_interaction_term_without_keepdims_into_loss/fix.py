"""A factorisation machine's prediction: a linear term (B, 1) plus the pairwise interactions
0.5 * ((sum v)^2 - sum v^2) summed over the embedding axis, kept as a column so the sum is
(B, 1) like the click labels."""
import typedflux as tf
from typedflux import Dense, Embedding

B, FIELDS, VOCAB, K = 16, 6, 100, 8
ids = tf.tensor([[(b * 7 + f * 13) % VOCAB for f in range(FIELDS)] for b in range(B)])
emb = Embedding(VOCAB, K)(ids)
dense_feats = tf.randn(B, FIELDS)
linear = Dense(FIELDS, 1)(dense_feats)
square_of_sum = emb.sum(axis=1) ** 2
sum_of_square = (emb * emb).sum(axis=1)
pairwise = 0.5 * (square_of_sum - sum_of_square).sum(axis=1, keepdims=True)
logit = linear + pairwise
labels = tf.tensor([[float(b % 2)] for b in range(B)])
loss = tf.losses.logitbinarycrossentropy(logit, labels)
print(loss.item())
