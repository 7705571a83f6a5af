"""A Maxout over two affine pieces of different widths."""
import typedflux as tf
from typedflux import Chain, Dense, Maxout

model = Chain(
    Maxout(Dense(16, 32), Dense(16, 24)),  # BUG  # E: Maxout(Dense(16 => 32), Dense(16 => 24)) cannot compare its layers' outputs: Cannot broadcast for "maximum": x has Tensor[B, 32], y has Tensor[B, 24]; need equal sizes or 1 at axis -1 (32 vs 24)  [shape]
    Dense(32, 4),
)
print(model(tf.randn(5, 16)).shape)
