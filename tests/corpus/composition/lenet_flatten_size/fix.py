"""LeNet-5 on 28x28 digits without padding: the first Dense still expects 16*5*5 features."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

lenet = Chain(
    Conv((5, 5), 1, 6, relu, pad=2),
    MaxPool((2, 2)),
    Conv((5, 5), 6, 16, relu),
    MaxPool((2, 2)),
    Flatten(),
    Dense(16 * 5 * 5, 120, relu),
    Dense(120, 84, relu),
    Dense(84, 10),
)
images = tf.randn(2, 1, 28, 28)
print(lenet(images).shape)
