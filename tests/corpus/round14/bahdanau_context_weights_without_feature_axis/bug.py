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
context = (weights * enc).sum(axis=1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[4, 9], y has Tensor[4, 9, 12]; need equal sizes or 1 at axis -2 (4 vs 9); did you mean x[..., None] (or keepdims=True where x was reduced)?  [shape]
print(Dense(2 * H, H)(tf.cat(context, s, axis=1)).shape)
