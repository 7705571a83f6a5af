"""VGG built from a helper that returns a conv block; the classifier assumes 4x4 maps."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu


def block(cin: int, cout: int) -> Chain:
    return Chain(Conv((3, 3), cin, cout, relu, pad=1), Conv((3, 3), cout, cout, relu, pad=1),
                 MaxPool((2, 2)))


model = Chain(block(3, 32), block(32, 64), block(64, 128), Flatten(), Dense(128 * 4 * 4, 10))
x = tf.randn(2, 3, 64, 64)
print(Chain(block(3, 32), block(32, 64), block(64, 128), Flatten(), Dense(128 * 8 * 8, 10))(x).shape)
