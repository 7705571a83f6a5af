"""GlobalMeanPool keeps [B, C, 1, 1]: a Dense right after it sees width 1."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMeanPool, relu

model = Chain(
    Conv((3, 3), 3, 64, relu, pad=1),
    GlobalMeanPool(),
    Flatten(),
    Dense(64, 10),
)
print(model(tf.randn(2, 3, 8, 8)).shape)
