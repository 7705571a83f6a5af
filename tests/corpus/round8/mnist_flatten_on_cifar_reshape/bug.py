"""MNIST code reused on 32x32 images: the flatten still hard-codes 28*28."""
import typedflux as tf
from typedflux import Chain, Dense, relu

mlp = Chain(Dense(32 * 32, 128, relu), Dense(128, 10))
images = tf.rand(8, 1, 32, 32)
flat = images.reshape(-1, 28 * 28)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[8, 1, 32, 32], target is (-1, 784); need the element count divisible by the other target sizes (8192 vs 784)  [shape]
print(mlp(flat).shape)
