"""Layers of different kinds in a list, applied in a loop; then a wrong-width residual add."""
import typedflux as tf
from typedflux import Dense, Dropout, LayerNorm, relu

layers = [Dense(8, 16, relu), Dropout(0.1), LayerNorm(16), Dense(16, 8)]
x = tf.randn(3, 8)
h = x
for layer in layers:
    h = layer(h)
out = h + x
wide = tf.randn(3, 16)
print((out + wide).shape)  # BUG[gap flow: the output of a loop over a list of layers of several kinds is unknown]
