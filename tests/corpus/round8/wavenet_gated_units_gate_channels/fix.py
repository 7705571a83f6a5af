"""WaveNet's gated activation tanh(filter) * sigmoid(gate): the gate conv was sized for
the skip channels."""
import typedflux as tf
from typedflux import Conv

filt = Conv((1, 2), 16, 32, dilation=2, pad=(0, 0, 2, 0))
gate = Conv((1, 2), 16, 32, dilation=2, pad=(0, 0, 2, 0))
skip = Conv((1, 1), 32, 64)

x = tf.randn(2, 16, 1, 40)
z = tf.tanh(filt(x)) * tf.sigmoid(gate(x))
print(skip(z).shape)
