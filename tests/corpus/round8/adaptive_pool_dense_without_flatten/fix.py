"""AdaptiveMeanPool((1, 1)) leaves Tensor[B, C, 1, 1]; the Dense after it sees a last axis
of 1 (the hint inserts Flatten())."""
import typedflux as tf
from typedflux import AdaptiveMeanPool, Chain, Conv, Dense, Flatten, relu

model = Chain(
    Conv((3, 3), 3, 16, relu, pad=1),
    AdaptiveMeanPool((1, 1)),
    Flatten(),
    Dense(16, 10),
)
print(model(tf.randn(2, 3, 8, 8)).shape)
