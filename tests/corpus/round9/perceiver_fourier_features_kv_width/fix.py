"""Perceiver concatenates Fourier position features to every input element before the
cross-attention's key/value projection; the projection was sized for the raw input."""
import typedflux as tf
from typedflux import Dense

M, C, K, D = 12, 8, 4, 32
inputs = tf.randn(2, M, C)
pos = tf.rand(M, 1)
bands = tf.cat(*[f(pos * 2.0 ** k) for k in range(K) for f in (tf.sin, tf.cos)], pos, axis=-1)
feats = tf.cat(inputs, tf.repeat(bands[None], 2, 1, 1), axis=-1)
to_kv = Dense(C + 2 * K + 1, D)
kv = to_kv(feats)
print(kv.shape)
