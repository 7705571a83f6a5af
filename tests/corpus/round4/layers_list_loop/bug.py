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
print((out + wide).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[3, 8], y has Tensor[3, 16]; need equal sizes or 1 at axis -1 (8 vs 16)  [shape]
