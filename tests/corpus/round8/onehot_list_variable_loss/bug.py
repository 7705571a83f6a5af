"""The issue's own example: one-hot of a list variable with 9 classes against a 10-way
head."""
import typedflux as tf
from typedflux import Dense

head = Dense(16, 10)
labels = [3, 1, 4, 1]
y = tf.onehot(labels, 9)
loss = tf.losses.logitcrossentropy(head(tf.randn(4, 16)), y)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[4, 10], target has Tensor[4, 9]; need identical shapes (no broadcasting in losses) (10 vs 9 at axis -1)  [shape]
print(loss.item())
