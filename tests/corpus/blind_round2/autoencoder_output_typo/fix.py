"""A dense autoencoder whose decoder ends at 748 features (a typo for 784): the reconstruction loss cannot compare."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

encoder = Chain(Dense(784, 256, relu), Dense(256, 32))
decoder = Chain(Dense(32, 256, relu), Dense(256, 784, sigmoid))
x = tf.rand(64, 784)
recon = decoder(encoder(x))
loss = tf.losses.mse(recon, x)
print(loss.item())
