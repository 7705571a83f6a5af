"""A strided, dilated conv's output size feeds the classifier (dilation forgotten in the count)."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, relu

model = Chain(
    Conv((3, 3), 1, 8, relu, stride=2, pad=1, dilation=2),
    Flatten(),
    Dense(8 * 7 * 7, 10),
)
x = tf.randn(2, 1, 16, 16)
print(model(x).shape)
