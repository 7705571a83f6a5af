"""A Transformer decoder's cross-attention: the source padding mask was built with the target
length."""
import typedflux as tf
from typedflux import MultiHeadAttention

cross = MultiHeadAttention(16, 4)
memory = tf.randn(2, 7, 16)
queries = tf.randn(2, 5, 16)
src_len = [7, 4]
allowed = tf.arange(7)[None, :] < tf.tensor(src_len)[:, None]
out = cross(queries, memory, memory, mask=allowed[:, None, None, :])
print(out.shape)
