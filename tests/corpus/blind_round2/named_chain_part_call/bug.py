"""A named encoder/decoder Chain; the decoder called on the encoder's first layer's output."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(enc=Chain(Dense(784, 64, relu), Dense(64, 16)), dec=Chain(Dense(16, 64, relu), Dense(64, 784)))
x = tf.rand(8, 784)
code = model.enc(x)
first = model.enc[0]
h = first(x)
recon = model.dec(code)
again = model.dec(h)  # BUG  # E: Chain layer 1 Dense(16 => 64, relu) expects input Tensor[..., 16], got Tensor[8, 64]; need size 16 at axis -1 (got 64)  [shape]
print(recon.shape, again.shape)
