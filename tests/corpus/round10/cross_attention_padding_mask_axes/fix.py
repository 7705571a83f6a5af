"""An encoder-decoder attention mask: the encoder's padding mask (B, Tk) broadcast over heads
and queries as (B, 1, 1, Tk). The new axes were put around the key axis the wrong way."""
import typedflux as tf
from typedflux import MultiHeadAttention

D, H = 32, 4
cross = MultiHeadAttention(D, H)
dec = tf.randn(2, 5, D)
enc = tf.randn(2, 9, D)
pad = tf.ones(2, 9) > 0
y = cross(dec, enc, enc, mask=pad[:, None, None, :])
print(y.shape)
