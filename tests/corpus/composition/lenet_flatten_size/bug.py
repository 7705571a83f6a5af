"""LeNet-5 on 28x28 digits without padding: the first Dense still expects 16*5*5 features."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

lenet = Chain(
    Conv((5, 5), 1, 6, relu, pad=0),
    MaxPool((2, 2)),
    Conv((5, 5), 6, 16, relu),
    MaxPool((2, 2)),
    Flatten(),
    Dense(16 * 5 * 5, 120, relu),
    Dense(120, 84, relu),
    Dense(84, 10),
)
images = tf.randn(2, 1, 28, 28)
print(lenet(images).shape)  # BUG  # E: Chain layer 6 Dense(400 => 120, relu) expects input Tensor[..., 400], but layer 5 Flatten() produces Tensor[2, 256]; change Dense(400 => 120, relu) to Dense(256 => 120, relu)  [shape]
