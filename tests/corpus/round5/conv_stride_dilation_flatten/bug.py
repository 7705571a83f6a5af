"""A strided, dilated conv's output size feeds the classifier (dilation forgotten in the count)."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, relu

model = Chain(
    Conv((3, 3), 1, 8, relu, stride=2, pad=1, dilation=2),
    Flatten(),
    Dense(8 * 8 * 8, 10),
)
x = tf.randn(2, 1, 16, 16)
print(model(x).shape)  # BUG  # E: Chain layer 3 Dense(512 => 10) expects input Tensor[..., 512], but layer 2 Flatten() produces Tensor[2, 392]; change Dense(512 => 10) to Dense(392 => 10)  [shape]
