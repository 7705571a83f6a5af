"""A flatten written once as a named lambda and used as a layer; the Dense after it was
sized for the unpooled map."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, relu

flatten = lambda x: x.reshape(x.shape[0], -1)  # noqa: E731
model = Chain(
    Conv((3, 3), 1, 4, relu, pad=1),
    MaxPool((2, 2)),
    flatten,
    Dense(4 * 8 * 8, 10),
)
print(model(tf.randn(2, 1, 8, 8)).shape)  # BUG  # E: Chain layer 4 Dense(256 => 10) expects input Tensor[..., 256], but layer 3 <lambda> produces Tensor[2, 64]; change Dense(256 => 10) to Dense(64 => 10)  [shape]
