"""An autoencoder as a named Chain; the decoder part is called on the latent code of
another width."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

model = Chain(
    enc=Chain(Dense(64, 32, relu), Dense(32, 8)),
    dec=Chain(Dense(8, 32, relu), Dense(32, 64, sigmoid)),
)
recon = model(tf.rand(4, 64))
print(recon.shape)
