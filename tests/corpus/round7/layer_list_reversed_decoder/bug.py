"""A decoder built by reversing the encoder's sizes: the list was reversed but the pairs
were zipped in the encoder's order."""
import typedflux as tf
from typedflux import Chain, Dense, relu

SIZES = [32, 16, 8]
encoder = Chain(*[Dense(a, b, relu) for a, b in zip(SIZES, SIZES[1:])])
REV = SIZES[::-1]
decoder = Chain(*[Dense(b, a, relu) for a, b in zip(REV, REV[1:])])  # BUG  # E: Chain layer 2 Dense(32 => 16, relu) expects input Tensor[..., 32], but layer 1 Dense(16 => 8, relu) produces Tensor[B, 8]; change Dense(32 => 16, relu) to Dense(8 => 16, relu)  [shape]
print(decoder(encoder(tf.randn(2, 32))).shape)
