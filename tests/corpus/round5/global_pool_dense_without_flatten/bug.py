"""GlobalMeanPool keeps [B, C, 1, 1]: a Dense right after it sees width 1."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMeanPool, relu

model = Chain(
    Conv((3, 3), 3, 64, relu, pad=1),
    GlobalMeanPool(),
    Dense(64, 10),  # BUG  # E: Chain layer 3 Dense(64 => 10) expects input Tensor[..., 64], but layer 2 GlobalMeanPool() produces Tensor[B, 64, 1, 1]; insert Flatten() before Dense(64 => 10)  [shape]
)
print(model(tf.randn(2, 3, 8, 8)).shape)
