"""A Maxout unit of two pieces written inline; the second piece was built wider, so the
elementwise max cannot compare them."""
import typedflux as tf
from typedflux import Chain, Dense, Maxout

model = Chain(
    Dense(8, 16),
    Maxout(Dense(16, 32), Dense(16, 32)),
    Dense(32, 2),
)
print(model(tf.randn(4, 8)).shape)
