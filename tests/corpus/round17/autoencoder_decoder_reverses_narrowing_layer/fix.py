"""An autoencoder whose decoder reuses the encoder's square layers in reverse order: a slice
with step -1 of the layers before the narrowing one, encoder[1::-1]; reversing the whole
encoder puts the narrowing Dense(16 => 4) first."""
import typedflux as tf
from typedflux import Chain, Dense, relu

encoder = Chain(Dense(16, 16, relu), Dense(16, 16, relu), Dense(16, 4))
decoder = Chain(Dense(4, 16), encoder[1::-1])
x = tf.randn(5, 16)
recon = decoder(encoder(x))
loss = tf.losses.mse(recon, x)
print(loss.item())
