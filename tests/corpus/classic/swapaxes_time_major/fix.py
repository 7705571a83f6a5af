"""A time-major batch (T, B, F) is fed to a batch-first LSTM without swapping the axes."""
import typedflux as tf
from typedflux import LSTM

lstm = LSTM(6, 12)
seq = tf.randn(7, 3, 6)
targets = tf.randn(3, 12)
batch_first = tf.swapaxes(seq, 0, 1)
last = lstm(batch_first)[:, -1]
print(tf.losses.mse(last, targets).item())
