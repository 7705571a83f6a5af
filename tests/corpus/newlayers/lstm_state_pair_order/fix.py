"""An LSTM is continued from a saved (h, c); the cell state is taken from the wrong layer."""
import typedflux as tf
from typedflux import LSTM

lstm = LSTM(4, 8, return_state=True)
other = LSTM(4, 6, return_state=True)
y, (h, c) = lstm(tf.randn(3, 5, 4))
_, (h2, c2) = other(tf.randn(3, 5, 4))
y2, state = lstm(tf.randn(3, 2, 4), (h, c))
print(y2.shape)
