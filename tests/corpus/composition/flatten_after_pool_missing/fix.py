"""A classifier head put straight after a pooling layer, without Flatten."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMaxPool, relu

model = Chain(
    Conv((3, 3), 1, 8, relu, pad=1),
    GlobalMaxPool(), Flatten(),
    Dense(8, 10),
)
print(model(tf.randn(2, 1, 6, 6)).shape)
