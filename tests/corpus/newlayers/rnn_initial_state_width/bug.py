"""A decoder GRU is started from the encoder's final state; the encoder is narrower."""
import typedflux as tf
from typedflux import GRU

encoder = GRU(8, 12, return_state=True)
decoder = GRU(8, 16)
src = tf.randn(2, 5, 8)
_, h = encoder(src)
out = decoder(tf.randn(2, 4, 8), h)  # BUG  # E: Initial state does not fit "GRU(8 => 16)": h0 has Tensor[2, 12], x has Tensor[2, 4, 8]; need h0 of Tensor[2, 16] or Tensor[16] (size 16 at axis -1, got 12)  [shape]
print(out.shape)
