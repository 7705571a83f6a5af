"""An LSTM classifier takes y[-1] (the last sample) instead of y[:, -1] (the last step)."""
import typedflux as tf
from typedflux import LSTM, Dense

lstm = LSTM(16, 32)
head = Dense(32, 5)
x = tf.randn(8, 20, 16)
y = lstm(x)
logits = head(y[-1])
labels = tf.onehot([0, 1, 2, 3, 4, 0, 1, 2], 5)
loss = tf.losses.logitcrossentropy(logits, labels)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[20, 5], target has Tensor[8, 5]; need identical shapes (no broadcasting in losses) (20 vs 8 at axis -2)  [shape]
print(loss.item())
