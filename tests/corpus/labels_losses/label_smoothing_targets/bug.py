"""Smoothed targets are built for 5 classes while the logits have 6."""
import typedflux as tf
from typedflux import Dense

classifier = Dense(10, 6)
logits = classifier(tf.randn(3, 10))
targets = tf.losses.label_smoothing(tf.onehot([0, 4, 2], 5), 0.1)
print(tf.losses.logitcrossentropy(logits, targets).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[3, 6], target has Tensor[3, 5]; need identical shapes (no broadcasting in losses) (6 vs 5 at axis -1)  [shape]
