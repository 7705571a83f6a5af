"""A decoder's initial state is annotated with the decoder's hidden width; the encoder's
last state is wider."""
import typedflux as tf
from typedflux import GRU, Dense, Tensor

encoder = GRU(8, 32, return_state=True)
bridge = Dense(32, 16)
decoder = GRU(8, 16)
_, h = encoder(tf.randn(4, 10, 8))
h0: Tensor[4, 16] = h  # BUG  # E: Assigned shape Tensor[4, 32] does not match the annotation Tensor[4, 16] of "h0": axis 1 is 32, expected 16  [shape]
print(decoder(tf.randn(4, 5, 8), h0).shape)
