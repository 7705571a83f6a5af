"""Attention scores with einsum over keys kept as (batch, keys, heads, dim), the layout a
projection's reshape gives, against a subscript that expects heads second."""
import typedflux as tf

q = tf.randn(2, 4, 6, 8)   # b h q d
k = tf.randn(2, 7, 4, 8)   # b k h d
scores = tf.einsum("bhqd,bkhd->bhqk", q, k)
print(tf.softmax(scores, axis=-1).shape)
