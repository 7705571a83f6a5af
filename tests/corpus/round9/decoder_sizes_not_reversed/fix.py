"""An autoencoder whose encoder is built from a size list in a loop; the decoder was built
from the same list instead of its reverse."""
import typedflux as tf
from typedflux import Chain, Dense, relu

SIZES = [784, 256, 64, 16]
layers = []
for a, b in zip(SIZES, SIZES[1:]):
    layers.append(Dense(a, b, relu))
for a, b in zip(SIZES[::-1], SIZES[::-1][1:]):
    layers.append(Dense(a, b, relu))
autoencoder = Chain(*layers)
print(autoencoder(tf.randn(2, 784)).shape)
