"""A "same"-padded stride-2 conv gives ceil(H/2); the classifier was sized with floor."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, relu

model = Chain(
    Conv((3, 3), 1, 8, relu, stride=2, pad="same"),
    Flatten(),
    Dense(8 * 4 * 4, 10),
)
print(model(tf.randn(2, 1, 7, 7)).shape)
