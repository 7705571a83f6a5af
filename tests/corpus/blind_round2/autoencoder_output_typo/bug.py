"""A dense autoencoder whose decoder ends at 748 features (a typo for 784): the reconstruction loss cannot compare."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

encoder = Chain(Dense(784, 256, relu), Dense(256, 32))
decoder = Chain(Dense(32, 256, relu), Dense(256, 748, sigmoid))
x = tf.rand(64, 784)
recon = decoder(encoder(x))
loss = tf.losses.mse(recon, x)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[64, 748], target has Tensor[64, 784]; need identical shapes (no broadcasting in losses) (748 vs 784 at axis -1)  [shape]
print(loss.item())
