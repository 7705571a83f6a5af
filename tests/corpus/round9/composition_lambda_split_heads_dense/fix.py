"""A lambda in a Chain splits the model width into heads; the Dense after it was sized for
the full width."""
import typedflux as tf
from typedflux import Chain, Dense

model = Chain(
    Dense(16, 64),
    lambda h: tf.rearrange(h, "b t (h d) -> b t h d", h=4),
    Dense(16, 8),
)
print(model(tf.randn(2, 5, 16)).shape)
