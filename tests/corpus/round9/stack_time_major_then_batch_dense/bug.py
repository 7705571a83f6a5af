"""Decoder steps stacked on axis 0 (time-major) and then read as batch-first by the loss."""
import typedflux as tf
from typedflux import Dense

T, B, V = 6, 4, 12
out = Dense(16, V)
steps = [out(tf.randn(B, 16)) for _ in range(T)]
logits = tf.stack(steps, axis=0)
targets = tf.onehot([i % V for i in range(B * T)], V).reshape(B, T, V)
loss = tf.losses.logitcrossentropy(logits, targets)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[6, 4, 12], target has Tensor[4, 6, 12]; need identical shapes (no broadcasting in losses) (4 vs 6 at axis -2)  [shape]
print(loss.item())
