"""A stateful RNN starts from initialstates repeated for the wrong batch size."""
import typedflux as tf
from typedflux import RNN

rnn = RNN(3, 5)
h0 = tf.repeat(tf.initialstates(rnn)[None, :], 4, 1)
print(rnn(tf.randn(2, 6, 3), h0).shape)  # BUG  # E: Initial state does not fit "RNN(3 => 5)": h0 has Tensor[4, 5], x has Tensor[2, 6, 3]; need h0 of Tensor[2, 5] or Tensor[5] (size 2 at axis 0, got 4)  [shape]
