"""A stateful RNN starts from initialstates repeated for the wrong batch size."""
import typedflux as tf
from typedflux import RNN

rnn = RNN(3, 5)
h0 = tf.repeat(tf.initialstates(rnn)[None, :], 2, 1)
print(rnn(tf.randn(2, 6, 3), h0).shape)
