"""A decoder GRU is started from the encoder's final state; the encoder is narrower."""
import typedflux as tf
from typedflux import GRU

encoder = GRU(8, 16, return_state=True)
decoder = GRU(8, 16)
src = tf.randn(2, 5, 8)
_, h = encoder(src)
out = decoder(tf.randn(2, 4, 8), h)
print(out.shape)
