"""AdaptiveMeanPool((1, 1)) leaves Tensor[B, C, 1, 1]; the Dense after it sees a last axis
of 1 (the hint inserts Flatten())."""
import typedflux as tf
from typedflux import AdaptiveMeanPool, Chain, Conv, Dense, Flatten, relu

model = Chain(
    Conv((3, 3), 3, 16, relu, pad=1),
    AdaptiveMeanPool((1, 1)),
    Dense(16, 10),  # BUG  # E: Chain layer 3 Dense(16 => 10) expects input Tensor[..., 16], but layer 2 AdaptiveMeanPool((1, 1)) produces Tensor[B, 16, 1, 1]; insert Flatten() before Dense(16 => 10)  [shape]
)
print(model(tf.randn(2, 3, 8, 8)).shape)
