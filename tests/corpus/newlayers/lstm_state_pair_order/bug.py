"""An LSTM is continued from a saved (h, c); the cell state is taken from the wrong layer."""
import typedflux as tf
from typedflux import LSTM

lstm = LSTM(4, 8, return_state=True)
other = LSTM(4, 6, return_state=True)
y, (h, c) = lstm(tf.randn(3, 5, 4))
_, (h2, c2) = other(tf.randn(3, 5, 4))
y2, state = lstm(tf.randn(3, 2, 4), (h, c2))  # BUG  # E: Initial state does not fit "LSTM(4 => 8, return_state=True)": c0 has Tensor[3, 6], x has Tensor[3, 2, 4]; need c0 of Tensor[3, 8] or Tensor[8] (size 8 at axis -1, got 6)  [shape]
print(y2.shape)
