"""A lambda in a Chain splits the model width into heads; the Dense after it was sized for
the full width."""
import typedflux as tf
from typedflux import Chain, Dense

model = Chain(
    Dense(16, 64),
    lambda h: tf.rearrange(h, "b t (h d) -> b t h d", h=4),
    Dense(64, 8),
)
print(model(tf.randn(2, 5, 16)).shape)  # BUG  # E: Chain layer 3 Dense(64 => 8) expects input Tensor[..., 64], but layer 2 <lambda> produces Tensor[2, 5, 4, 16]; change Dense(64 => 8) to Dense(16 => 8)  [shape]
