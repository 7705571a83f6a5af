"""Ported from PyTorch: the initial state kept torch's leading `num_layers` axis."""
import typedflux as tf
from typedflux import GRU

gru = GRU(6, 10)
x = tf.randn(3, 7, 6)
h0 = tf.zeros(1, 3, 10)
print(gru(x, h0).shape)  # BUG  # E: Initial state does not fit "GRU(6 => 10)": h0 has Tensor[1, 3, 10], x has Tensor[3, 7, 6]; need h0 of Tensor[3, 10] or Tensor[10] (rank 3)  [shape]
