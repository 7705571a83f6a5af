"""The encoder half of a named Chain is reused on its own, on inputs of the decoder's width."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(enc=Dense(12, 6, relu), dec=Dense(6, 12))
x = tf.randn(4, 12)
codes = model.enc(x)
again = model.enc(codes)  # BUG  # E: Dense(12 => 6, relu) expects input Tensor[..., 12], got Tensor[4, 6]; need size 12 at axis -1 (got 6)  [shape]
print(again.shape)
