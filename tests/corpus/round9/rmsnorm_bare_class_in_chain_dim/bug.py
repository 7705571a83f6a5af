"""LLaMA's RMSNorm as a small class with a bare-Tensor `__call__` and a weight sized in
`__init__`; the final norm was built with the feed-forward width."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, swish


class RMSNorm:
    def __init__(self, dim: int) -> None:
        self.weight = tf.ones(dim)

    def __call__(self, x: Tensor) -> Tensor:
        return x / tf.sqrt((x * x).mean(axis=-1, keepdims=True) + 1e-6) * self.weight


DIM, FF = 32, 96
norm = RMSNorm(FF)
x = tf.randn(2, 5, DIM)
h = Chain(Dense(DIM, FF, swish), Dense(FF, DIM))(x)
print(norm(h).shape)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 5, 32], y has Tensor[96]; need equal sizes or 1 at axis -1 (32 vs 96)  [shape]
