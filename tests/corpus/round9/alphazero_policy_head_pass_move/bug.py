"""AlphaZero's policy head: a 2-channel 1x1 conv, flattened, then a Dense to every board
point plus a pass; the Dense was sized for one channel."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, relu

N = 9
policy_head = Chain(
    Conv((1, 1), 64, 2), BatchNorm(2), relu,
    Flatten(),
    Dense(N * N, N * N + 1),
)
print(policy_head(tf.randn(2, 64, N, N)).shape)  # BUG  # E: Chain layer 5 Dense(81 => 82) expects input Tensor[..., 81], but layer 4 Flatten() produces Tensor[2, 162]; change Dense(81 => 82) to Dense(162 => 82)  [shape]
