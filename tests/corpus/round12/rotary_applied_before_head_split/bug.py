"""Rotary embeddings rotate each head's query: the cos/sin tables are (T, head_dim); they were
applied to the queries before the heads were split, where the last axis is the model width."""
import typedflux as tf
from typedflux import Dense

B, T, H, HD = 2, 6, 4, 8
D = H * HD
wq = Dense(D, D)
inv = 1.0 / (10000 ** (tf.arange(0, HD, 2) / HD))
ang = tf.arange(T).reshape(T, 1) * inv.reshape(1, HD // 2)
cos = tf.cat(tf.cos(ang), tf.cos(ang), axis=-1)
sin = tf.cat(tf.sin(ang), tf.sin(ang), axis=-1)


def rotate_half(x: tf.Tensor) -> tf.Tensor:
    a, b = tf.chunk(x, 2, axis=-1)
    return tf.cat(-b, a, axis=-1)


q = wq(tf.randn(B, T, D))
q = q * cos + rotate_half(q) * sin  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 6, 32], y has Tensor[6, 8]; need equal sizes or 1 at axis -1 (32 vs 8)  [shape]
q = q.reshape(B, T, H, HD).transpose(0, 2, 1, 3)
print(q.shape)
