"""A lambda in a Chain pools over height and width (a global average pool written inline);
the head after it was sized for the flattened map."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, relu

model = Chain(
    Conv((3, 3), 3, 32, relu, pad=1),
    Conv((3, 3), 32, 64, relu, stride=2, pad=1),
    lambda x: x.mean(axis=(2, 3)),
    Dense(64 * 4 * 4, 10),
)
print(model(tf.randn(2, 3, 8, 8)).shape)  # BUG  # E: Chain layer 4 Dense(1024 => 10) expects input Tensor[..., 1024], but layer 3 <lambda> produces Tensor[2, 64]; change Dense(1024 => 10) to Dense(64 => 10)  [shape]
