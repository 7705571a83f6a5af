"""Tacotron's decoder step feeds its attention RNN the prenet output (B, 128) concatenated with
the previous attention context (B, 256); the RNN cell's input projection was sized for the
context alone."""
import typedflux as tf
from typedflux import Chain, Dense, relu, tanh

B, MEL, PRE, CTX, HID = 2, 20, 128, 256, 64
prenet = Chain(Dense(MEL, 256, relu), Dense(256, PRE, relu))
cell_in = Dense(CTX, HID)
cell_h = Dense(HID, HID)
frame = tf.zeros(B, MEL)
context = tf.zeros(B, CTX)
h = tf.zeros(B, HID)
for _ in range(3):
    h = tanh(cell_in(tf.cat(prenet(frame), context, axis=-1)) + cell_h(h))  # BUG  # E: Dense(256 => 64) expects input Tensor[..., 256], got Tensor[2, 384]; need size 256 at axis -1 (got 384)  [shape]
print(h.shape)
