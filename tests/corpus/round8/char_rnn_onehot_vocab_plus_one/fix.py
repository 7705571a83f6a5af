"""A character RNN fed one-hot characters: the vocabulary grew by an end token, the GRU's
input size did not."""
import typedflux as tf
from typedflux import GRU, Dense

VOCAB = 65
rnn = GRU(VOCAB, 128)
out = Dense(128, VOCAB)
ids = [[7, 1, 64, 3], [2, 2, 9, 64]]
x = tf.onehot(ids, VOCAB)
print(out(rnn(x)).shape)
