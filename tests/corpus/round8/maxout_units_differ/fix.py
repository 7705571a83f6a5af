"""A Maxout over two affine pieces of different widths."""
import typedflux as tf
from typedflux import Chain, Dense, Maxout

model = Chain(
    Maxout(Dense(16, 32), Dense(16, 32)),
    Dense(32, 4),
)
print(model(tf.randn(5, 16)).shape)
