"""A GRU generation loop from its last state; the final projection takes the readout's width."""
import typedflux as tf
from typedflux import GRU, Dense

gru = GRU(8, 32, return_state=True)
readout = Dense(32, 8)
prompt = tf.randn(1, 5, 8)
y, h = gru(prompt)
step = readout(y[:, -1:])
for _ in range(3):
    y, h = gru(step, h)
    step = readout(y)
final = readout(h)
print(final.shape)
logits = final @ tf.randn(8, 4)
