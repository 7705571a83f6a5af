"""A time-major batch (T, B, F) is fed to a batch-first LSTM without swapping the axes."""
import typedflux as tf
from typedflux import LSTM

lstm = LSTM(6, 12)
seq = tf.randn(7, 3, 6)
targets = tf.randn(3, 12)
batch_first = seq
last = lstm(batch_first)[:, -1]
print(tf.losses.mse(last, targets).item())  # BUG  # E: Shapes differ for "mse": prediction has Tensor[7, 12], target has Tensor[3, 12]; need identical shapes (no broadcasting in losses) (7 vs 3 at axis -2)  [shape]
