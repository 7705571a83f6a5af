"""Ported from PyTorch: the initial state kept torch's leading `num_layers` axis."""
import typedflux as tf
from typedflux import GRU

gru = GRU(6, 10)
x = tf.randn(3, 7, 6)
h0 = tf.zeros(3, 10)
print(gru(x, h0).shape)
