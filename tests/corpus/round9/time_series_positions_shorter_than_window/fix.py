"""A time-series Transformer's position table was made for the context length of another
config (64) and added to a 96-step window."""
import typedflux as tf
from typedflux import Dense

CONTEXT, WINDOW, D = 64, 96, 32
pos = tf.randn(WINDOW, D)
embed = Dense(7, D)
series = tf.randn(4, WINDOW, 7)
h = embed(series) + pos
print(h.shape)
