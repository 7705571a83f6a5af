"""Longformer splits the sequence into chunks of the attention window w, which needs the length
padded to a multiple of w first; an unpadded sequence of length 10 does not split into 4s."""
import typedflux as tf
from typedflux import Dense

B, T, D, w = 2, 10, 16, 4
x = Dense(8, D)(tf.randn(B, T, 8))
n_chunks = (T + w - 1) // w
chunks = tf.pad(x, ((0, 0), (0, n_chunks * w - T), (0, 0))).reshape(B, n_chunks, w, D)
scores = chunks @ chunks.transpose(0, 1, 3, 2)
print(tf.softmax(scores, axis=-1).shape)
