"""A VAE-style decoder taken as a slice of the whole model (model[2:]); sampling feeds it
noise of the encoder's input width."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

model = Chain(Dense(32, 16, relu), Dense(16, 4), Dense(4, 16, relu), Dense(16, 32, sigmoid))
decoder = model[2:]
noise = tf.randn(10, 4)
print(decoder(noise).shape)
