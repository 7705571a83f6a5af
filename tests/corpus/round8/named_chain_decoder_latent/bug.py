"""An autoencoder as a named Chain; the decoder part is called on the latent code of
another width."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

model = Chain(
    enc=Chain(Dense(64, 32, relu), Dense(32, 8)),
    dec=Chain(Dense(16, 32, relu), Dense(32, 64, sigmoid)),  # BUG  # E: Chain layer 2 Chain(Dense(16 => 32, relu), Dense(32 => 64, sigmoid)): Chain layer 1 Dense(16 => 32, relu) expects input Tensor[..., 16], got Tensor[B, 8]; need size 16 at axis -1 (got 8)  [shape]  # N: input to layer 2: Tensor[B, 8]
)
recon = model(tf.rand(4, 64))
print(recon.shape)
