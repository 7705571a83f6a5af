"""Hidden blocks made by a generator expression unpacked into a Chain; the output layer
expects the input width, not the hidden one."""
import typedflux as tf
from typedflux import Chain, Dense, relu

WIDTH = 48
model = Chain(
    Dense(12, WIDTH, relu),
    *(Dense(WIDTH, WIDTH, relu) for _ in range(3)),
    Dense(WIDTH, 2),
)
print(model(tf.randn(3, 12)).shape)
