"""Attention scores by einsum: the keys were projected to another head size."""
import typedflux as tf

q = tf.randn(2, 4, 10, 16)
k = tf.randn(2, 4, 10, 16)
scores = tf.einsum("bhqd,bhkd->bhqk", q, k)
print(tf.softmax(scores, axis=-1).shape)
