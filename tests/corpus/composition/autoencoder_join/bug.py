"""An encoder and a decoder are built apart, then chained; the decoder expects another width."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

encoder = Chain(Dense(64, 32, relu), Dense(32, 8))
decoder = Chain(Dense(4, 32, relu), Dense(32, 64, sigmoid))
autoencoder = Chain(encoder, decoder)  # BUG  # E: Chain layer 2 Chain(Dense(4 => 32, relu), Dense(32 => 64, sigmoid)): Chain layer 1 Dense(4 => 32, relu) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 (got 8)  [shape]  # N: input to layer 2: Tensor[B, 8]
x = tf.rand(3, 64)
print(autoencoder(x).shape)
