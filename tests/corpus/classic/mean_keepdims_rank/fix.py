"""A channel attention (squeeze-excitation) pools with keepdims and feeds the 4-D map to Dense."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

excite = Chain(Dense(8, 2, relu), Dense(2, 8, sigmoid))
fmap = tf.randn(2, 8, 5, 5)
squeezed = fmap.mean(axis=(2, 3))
gates = excite(squeezed)
print((fmap * gates.reshape(2, 8, 1, 1)).shape)
