"""An encoder and a decoder are built apart, then chained; the decoder expects another width."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

encoder = Chain(Dense(64, 32, relu), Dense(32, 8))
decoder = Chain(Dense(8, 32, relu), Dense(32, 64, sigmoid))
autoencoder = Chain(encoder, decoder)
x = tf.rand(3, 64)
print(autoencoder(x).shape)
