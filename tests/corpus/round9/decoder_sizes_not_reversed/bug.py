"""An autoencoder whose encoder is built from a size list in a loop; the decoder was built
from the same list instead of its reverse."""
import typedflux as tf
from typedflux import Chain, Dense, relu

SIZES = [784, 256, 64, 16]
layers = []
for a, b in zip(SIZES, SIZES[1:]):
    layers.append(Dense(a, b, relu))
for a, b in zip(SIZES, SIZES[1:]):
    layers.append(Dense(a, b, relu))
autoencoder = Chain(*layers)  # BUG  # E: Chain layer 4 Dense(784 => 256, relu) expects input Tensor[..., 784], but layer 3 Dense(64 => 16, relu) produces Tensor[B, 16]; change Dense(784 => 256, relu) to Dense(16 => 256, relu)  [shape]
print(autoencoder(tf.randn(2, 784)).shape)
