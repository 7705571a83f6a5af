"""An adaptive pool to 2x2 before a head sized for a 1x1 map."""
import typedflux as tf
from typedflux import AdaptiveMeanPool, Chain, Conv, Dense, Flatten, relu

model = Chain(
    Conv((3, 3), 3, 8, relu, pad=1),
    AdaptiveMeanPool((2, 2)),
    Flatten(),
    Dense(8, 5),  # BUG  # E: Chain layer 4 Dense(8 => 5) expects input Tensor[..., 8], but layer 3 Flatten() produces Tensor[B, 32]; change Dense(8 => 5) to Dense(32 => 5)  [shape]
)
print(model(tf.randn(1, 3, 9, 9)).shape)
