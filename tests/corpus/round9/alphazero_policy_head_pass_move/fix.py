"""AlphaZero's policy head: a 2-channel 1x1 conv, flattened, then a Dense to every board
point plus a pass; the Dense was sized for one channel."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, relu

N = 9
policy_head = Chain(
    Conv((1, 1), 64, 2), BatchNorm(2), relu,
    Flatten(),
    Dense(2 * N * N, N * N + 1),
)
print(policy_head(tf.randn(2, 64, N, N)).shape)
