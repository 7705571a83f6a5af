"""Transformer-XL's relative attention scores the current queries against the memory and the
current segment (klen = mlen + qlen keys), so the relative position sequence has klen entries.
It was built for the segment only."""
import math

import typedflux as tf
from typedflux import Dense

QLEN, MLEN, B, H, DH = 5, 3, 2, 2, 8
D = H * DH


def positional(pos_seq: tf.Tensor, d: int) -> tf.Tensor:
    inv = tf.exp(tf.arange(0, d, 2) * (-math.log(10000.0) / d))
    sinusoid = pos_seq.reshape(-1, 1) * inv.reshape(1, -1)
    return tf.concat([tf.sin(sinusoid), tf.cos(sinusoid)], axis=-1)


mems = tf.randn(MLEN, B, D)
h = tf.randn(QLEN, B, D)
cat = tf.concat([mems, h], axis=0)
klen = cat.shape[0]
w_heads = Dense(D, 3 * D)
r_net = Dense(D, D, bias=False)
q, k, v = tf.split(w_heads(cat), (D, D, D))
q = q[-QLEN:].reshape(QLEN, B, H, DH)
k = k.reshape(klen, B, H, DH)
pos_seq = tf.arange(QLEN - 1, -1, -1)
r_head_k = r_net(positional(pos_seq, D)).reshape(-1, H, DH)
ac = tf.einsum("ibnd,jbnd->ijbn", q, k)
bd = tf.einsum("ibnd,jnd->ijbn", q, r_head_k)
score = (ac + bd) * (1 / math.sqrt(DH))  # BUG  # E: Cannot broadcast for "add": x has Tensor[5, 8, 2, 2], y has Tensor[5, 5, 2, 2]; need equal sizes or 1 at axis -3 (8 vs 5)  [shape]
print(score.shape)
