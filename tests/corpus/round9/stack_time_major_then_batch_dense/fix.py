"""Decoder steps stacked on axis 0 (time-major) and then read as batch-first by the loss."""
import typedflux as tf
from typedflux import Dense

T, B, V = 6, 4, 12
out = Dense(16, V)
steps = [out(tf.randn(B, 16)) for _ in range(T)]
logits = tf.stack(steps, axis=1)
targets = tf.onehot([i % V for i in range(B * T)], V).reshape(B, T, V)
loss = tf.losses.logitcrossentropy(logits, targets)
print(loss.item())
