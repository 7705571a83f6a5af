"""DeepFM's FM part: for field embeddings (B, F, K) the second-order term is
0.5 * ((sum over fields)^2 - sum over fields of squares), a (B, K) vector concatenated with
the deep part before the output layer; the sums ran over the embedding axis."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, Flatten, relu

B, F, K, VOCAB = 4, 6, 8, 100
emb = Embedding(VOCAB, K)
deep = Chain(Flatten(), Dense(F * K, 32, relu), Dense(32, 16, relu))
out = Dense(K + 16, 1)
ids = tf.tensor([[1, 7, 20, 33, 41, 99]] * B)
e = emb(ids)
square_of_sum = e.sum(axis=2) ** 2
sum_of_square = (e * e).sum(axis=2)
fm = 0.5 * (square_of_sum - sum_of_square)
logit = out(tf.cat(fm, deep(e), axis=1))  # BUG  # E: Dense(24 => 1) expects input Tensor[..., 24], got Tensor[4, 22]; need size 24 at axis -1 (got 22)  [shape]
print(logit.shape)
