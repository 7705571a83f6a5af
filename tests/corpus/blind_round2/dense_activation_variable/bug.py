"""An activation chosen at run time: the message names the variable, the Chain's widths are still wrong."""
import sys

import typedflux as tf
from typedflux import Chain, Dense

act = tf.relu if len(sys.argv) > 5 else tf.gelu
model = Chain(Dense(64, 32, act), Dense(64, 10))  # BUG  # E: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(64 => 32, act) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)  [shape]
print(model(tf.randn(4, 64)).shape)
