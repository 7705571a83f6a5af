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
loss = tf.losses.mse(tf.stack(outs, axis=1), y_in)
print(loss.item())
