"""A helper that names its layers before chaining them; the decoder output is 784 vs 28x28."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid


def mlp(din: int, hidden: int, dout: int) -> Chain:
    first = Dense(din, hidden, relu)
    return Chain(first, Dense(hidden, dout, sigmoid))


decoder = mlp(32, 256, 784)
z = tf.randn(4, 32)
recon = decoder(z)
print(tf.losses.mse(recon, tf.rand(4, 28, 28)).item())  # BUG  # E: Shapes differ for "mse": prediction has Tensor[4, 784], target has Tensor[4, 28, 28]; need identical shapes (no broadcasting in losses)  [shape]
