"""A named encoder/decoder Chain; the decoder called on the encoder's first layer's output."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(enc=Chain(Dense(784, 64, relu), Dense(64, 16)), dec=Chain(Dense(16, 64, relu), Dense(64, 784)))
x = tf.rand(8, 784)
code = model.enc(x)
first = model.enc[0]
h = first(x)
recon = model.dec(code)
again = model.dec(model.enc[1](h))
print(recon.shape, again.shape)
