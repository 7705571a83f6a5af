"""A seq2seq decoder loop stacks per-step logits on the wrong axis before the loss."""
import typedflux as tf
from typedflux import GRU, Dense

dec = GRU(16, 32)
out = Dense(32, 12)
h = tf.zeros(4, 32)
x = tf.randn(4, 1, 16)
steps = []
for t in range(5):
    y = dec(x, h)
    steps.append(out(y[:, -1]))
logits = tf.stack(steps, axis=0)
targets = tf.onehot([[1, 2, 3, 4, 5]] * 4, 12)
print(tf.losses.logitcrossentropy(logits, targets).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[5, 4, 12], target has Tensor[4, 5, 12]; need identical shapes (no broadcasting in losses) (4 vs 5 at axis -2)  [shape]
