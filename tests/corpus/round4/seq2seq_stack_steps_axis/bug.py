"""A decoder loop collects per-step outputs and stacks them on axis 0, not the time axis."""
import typedflux as tf
from typedflux import GRU, Dense

dec = GRU(6, 12, return_state=True)
head = Dense(12, 6)
y_in = tf.randn(2, 5, 6)
h = tf.zeros(2, 12)
outs = []
for t in range(5):
    o, h = dec(y_in[:, t : t + 1], h)
    outs.append(head(o[:, 0]))
pred = tf.stack(outs, axis=0)
loss = tf.losses.mse(pred, y_in)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[5, 2, 6], target has Tensor[2, 5, 6]; need identical shapes (no broadcasting in losses) (2 vs 5 at axis -2)  [shape]
print(loss.item())
