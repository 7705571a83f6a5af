"""Hidden blocks made by a generator expression unpacked into a Chain; the output layer
expects the input width, not the hidden one."""
import typedflux as tf
from typedflux import Chain, Dense, relu

WIDTH = 48
model = Chain(
    Dense(12, WIDTH, relu),
    *(Dense(WIDTH, WIDTH, relu) for _ in range(3)),
    Dense(12, 2),  # BUG[gap flow: a generator expression unpacked into Chain(...) (*(Dense(W, W) for _ in range(3))) leaves every layer after it unknown; a list comprehension is read]
)
print(model(tf.randn(3, 12)).shape)
