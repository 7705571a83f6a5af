"""A ResNet stage of three identical blocks made by a comprehension; the head expects the stem's width."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, GlobalMeanPool, SkipConnection, relu


def block() -> SkipConnection:
    return SkipConnection(Chain(Conv((3, 3), 32, 32, pad=1), BatchNorm(32, relu)), tf.add)


model = Chain(
    Conv((3, 3), 3, 32, pad=1),
    Chain(*[block() for _ in range(3)]),
    GlobalMeanPool(),
    Flatten(),
    Dense(32, 10),
)
print(model(tf.randn(2, 3, 8, 8)).shape)
