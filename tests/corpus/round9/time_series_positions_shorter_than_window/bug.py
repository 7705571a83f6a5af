"""A time-series Transformer's position table was made for the context length of another
config (64) and added to a 96-step window."""
import typedflux as tf
from typedflux import Dense

CONTEXT, WINDOW, D = 64, 96, 32
pos = tf.randn(CONTEXT, D)
embed = Dense(7, D)
series = tf.randn(4, WINDOW, 7)
h = embed(series) + pos  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 96, 32], y has Tensor[64, 32]; need equal sizes or 1 at axis -2 (96 vs 64)  [shape]
print(h.shape)
