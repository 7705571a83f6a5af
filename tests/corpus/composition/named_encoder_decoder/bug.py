"""An autoencoder as a named Chain; the decoder's first layer expects the wrong code width."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

autoencoder = Chain(
    encoder=Chain(Dense(784, 128, relu), Dense(128, 32)),
    decoder=Chain(Dense(16, 128, relu), Dense(128, 784, sigmoid)),  # BUG  # E: Chain layer 2 Chain(Dense(16 => 128, relu), Dense(128 => 784, sigmoid)): Chain layer 1 Dense(16 => 128, relu) expects input Tensor[..., 16], got Tensor[B, 32]; need size 16 at axis -1 (got 32)  [shape]  # N: input to layer 2: Tensor[B, 32]
)
x = tf.rand(4, 784)
print(tf.losses.mse(autoencoder(x), x).item())
