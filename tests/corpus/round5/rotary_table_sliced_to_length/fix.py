"""Rotary embedding: cos/sin tables built for the block size must be cut to the sequence."""
import typedflux as tf

block, T, hd = 16, 8, 8
pos = tf.arange(block).reshape(block, 1)
freqs = tf.exp(tf.arange(hd // 2) * (-0.5)).reshape(1, hd // 2)
angles = pos * freqs
cos, sin = tf.cos(angles), tf.sin(angles)
q = tf.randn(2, 4, T, hd)
q1, q2 = q[..., : hd // 2], q[..., hd // 2:]
c, s = cos[:T], sin[:T]
rot = tf.cat(q1 * c - q2 * s, q1 * s + q2 * c, axis=-1)
print(rot.shape)
