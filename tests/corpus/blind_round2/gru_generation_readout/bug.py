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
logits = final @ tf.randn(32, 4)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[1, 8], w has Tensor[32, 4]; need x.shape[-1] == w.shape[-2] (8 vs 32)  [shape]
