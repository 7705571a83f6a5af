"""A seq2seq decoder unrolled step by step: the per-step logits are stacked on a new first
axis, so they are time-major while the targets are batch-major."""
import typedflux as tf
from typedflux import Dense, GRU

dec = GRU(4, 16, return_state=True)
out = Dense(16, 10)
targets = tf.onehot([i % 10 for i in range(2 * 5)], 10).reshape(2, 5, 10)
x = tf.zeros(2, 1, 4)
h = tf.zeros(2, 16)
steps = []
for t in range(5):
    y, h = dec(x, h)
    steps.append(out(y[:, 0]))
logits = tf.stack(steps)
print(tf.losses.logitcrossentropy(logits, targets).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[5, 2, 10], target has Tensor[2, 5, 10]; need identical shapes (no broadcasting in losses) (2 vs 5 at axis -2)  [shape]
