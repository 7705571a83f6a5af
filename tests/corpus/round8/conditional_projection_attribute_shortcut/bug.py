"""A residual block whose shortcut is a projection only when the widths differ; the main
path was built for another output width than the projection."""
import typedflux as tf
from typedflux import Dense, relu


class Block:
    def __init__(self, d_in: int, d_out: int) -> None:
        self.fc1 = Dense(d_in, d_out, relu)
        self.fc2 = Dense(d_out, d_in)
        self.proj = Dense(d_in, d_out) if d_in != d_out else None

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        short = x if self.proj is None else self.proj(x)
        return short + self.fc2(self.fc1(x))


print(Block(16, 32)(tf.randn(4, 16)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 32], y has Tensor[4, 16]; need equal sizes or 1 at axis -1 (32 vs 16)  [shape]
