"""Hidden blocks made by a generator expression unpacked into a Chain; the output layer
expects the input width, not the hidden one."""
import typedflux as tf
from typedflux import Chain, Dense, relu

WIDTH = 48
model = Chain(
    Dense(12, WIDTH, relu),
    *(Dense(WIDTH, WIDTH, relu) for _ in range(3)),
    Dense(12, 2),  # BUG  # E: Chain layer 5 Dense(12 => 2) expects input Tensor[..., 12], but layer 4 Dense(48 => 48, relu) produces Tensor[B, 48]; change Dense(12 => 2) to Dense(48 => 2)  [shape]
)
print(model(tf.randn(3, 12)).shape)
