"""Smoothed targets are built for 5 classes while the logits have 6."""
import typedflux as tf
from typedflux import Dense

classifier = Dense(10, 6)
logits = classifier(tf.randn(3, 10))
targets = tf.losses.label_smoothing(tf.onehot([0, 4, 2], 6), 0.1)
print(tf.losses.logitcrossentropy(logits, targets).item())
