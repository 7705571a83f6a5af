"""Reformer-style chunked attention splits the sequence into chunks of C; a chunk size of 4
does not divide 10 tokens."""
import typedflux as tf

B, T, D, CHUNK = 2, 12, 16, 4
x = tf.randn(B, T, D)
chunks = x.reshape(B, T // CHUNK, CHUNK, D)
print(chunks.shape)
