"""An autoencoder as a named Chain; the decoder's first layer expects the wrong code width."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

autoencoder = Chain(
    encoder=Chain(Dense(784, 128, relu), Dense(128, 32)),
    decoder=Chain(Dense(32, 128, relu), Dense(128, 784, sigmoid)),
)
x = tf.rand(4, 784)
print(tf.losses.mse(autoencoder(x), x).item())
