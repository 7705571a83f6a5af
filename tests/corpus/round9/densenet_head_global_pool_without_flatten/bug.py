"""A DenseNet classifier head: a global average pool keeps 1x1 spatial axes, so the Dense
after it sees a last axis of 1."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, GlobalMeanPool, relu

model = Chain(
    Conv((3, 3), 3, 64, pad=1),
    BatchNorm(64),
    relu,
    GlobalMeanPool(),
    Dense(64, 10),  # BUG  # E: Chain layer 5 Dense(64 => 10) expects input Tensor[..., 64], but layer 4 GlobalMeanPool() produces Tensor[B, 64, 1, 1]; insert Flatten() before Dense(64 => 10)  [shape]
)
print(model(tf.randn(2, 3, 8, 8)).shape)
