"""A character RNN fed one-hot characters: the vocabulary grew by an end token, the GRU's
input size did not."""
import typedflux as tf
from typedflux import GRU, Dense

VOCAB = 65
rnn = GRU(64, 128)
out = Dense(128, VOCAB)
ids = [[7, 1, 64, 3], [2, 2, 9, 64]]
x = tf.onehot(ids, VOCAB)
print(out(rnn(x)).shape)  # BUG  # E: GRU(64 => 128) expects input Tensor[B, T, 64], got Tensor[2, 4, 65]; need size 64 at axis -1 (got 65)  [shape]
