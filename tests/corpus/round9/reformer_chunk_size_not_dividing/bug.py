"""Reformer-style chunked attention splits the sequence into chunks of C; a chunk size of 4
does not divide 10 tokens."""
import typedflux as tf

B, T, D, CHUNK = 2, 10, 16, 4
x = tf.randn(B, T, D)
chunks = x.reshape(B, T // CHUNK, CHUNK, D)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 10, 16], target is (2, 2, 4, 16); need equal element counts (320 vs 256)  [shape]
print(chunks.shape)
