"""An autoencoder as a named Chain; the decoder's first layer expects the wrong code width."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

autoencoder = Chain(
    encoder=Chain(Dense(784, 128, relu), Dense(128, 32)),
    decoder=Chain(Dense(16, 128, relu), Dense(128, 784, sigmoid)),  # BUG[gap layers: inline Chains passed as named layers (Chain(enc=Chain(...))) lose their types (**named: Any)]
)
x = tf.rand(4, 784)
print(tf.losses.mse(autoencoder(x), x).item())
