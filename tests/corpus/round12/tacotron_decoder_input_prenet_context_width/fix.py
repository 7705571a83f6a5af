"""Tacotron's decoder step feeds its attention RNN the prenet output (B, 128) concatenated with
the previous attention context (B, 256); the RNN cell's input projection was sized for the
context alone."""
import typedflux as tf
from typedflux import Chain, Dense, relu, tanh

B, MEL, PRE, CTX, HID = 2, 20, 128, 256, 64
prenet = Chain(Dense(MEL, 256, relu), Dense(256, PRE, relu))
cell_in = Dense(PRE + CTX, HID)
cell_h = Dense(HID, HID)
frame = tf.zeros(B, MEL)
context = tf.zeros(B, CTX)
h = tf.zeros(B, HID)
for _ in range(3):
    h = tanh(cell_in(tf.cat(prenet(frame), context, axis=-1)) + cell_h(h))
print(h.shape)
