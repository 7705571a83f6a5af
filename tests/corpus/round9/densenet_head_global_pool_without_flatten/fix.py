"""A DenseNet classifier head: a global average pool keeps 1x1 spatial axes, so the Dense
after it sees a last axis of 1."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, GlobalMeanPool, relu

model = Chain(
    Conv((3, 3), 3, 64, pad=1),
    BatchNorm(64),
    relu,
    GlobalMeanPool(),
    tf.Flatten(),
    Dense(64, 10),
)
print(model(tf.randn(2, 3, 8, 8)).shape)
