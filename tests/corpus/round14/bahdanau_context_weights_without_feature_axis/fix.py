"""Bahdanau attention: alignment weights (B, T) over the encoder outputs (B, T, H); the context
is the weighted sum over T, which needs the weights as (B, T, 1)."""
import typedflux as tf
from typedflux import Dense, GRU

B, T, H = 4, 9, 12
enc = GRU(8, H)(tf.randn(B, T, 8))
s = tf.randn(B, H)
wa, ua, va = Dense(H, H), Dense(H, H), Dense(H, 1)
scores = va(tf.tanh(wa(s).reshape(B, 1, H) + ua(enc))).reshape(B, T)
weights = tf.softmax(scores, axis=1)
context = (weights.reshape(B, T, 1) * enc).sum(axis=1)
print(Dense(2 * H, H)(tf.cat(context, s, axis=1)).shape)
