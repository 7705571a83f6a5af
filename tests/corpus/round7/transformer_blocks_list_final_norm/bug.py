"""A Transformer as a class holding a list of block instances sized by a parameter; the
final norm was sized for the MLP's hidden width."""
import typedflux as tf
from typedflux import Dense, LayerNorm, gelu


class Block:
    def __init__(self, d: int) -> None:
        self.norm = LayerNorm(d)
        self.up = Dense(d, 4 * d, gelu)
        self.down = Dense(4 * d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.down(self.up(self.norm(x)))


class Encoder:
    def __init__(self, d: int, depth: int) -> None:
        self.blocks = [Block(d) for _ in range(depth)]
        self.norm = LayerNorm(4 * d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for block in self.blocks:
            x = block(x)
        return self.norm(x)


enc = Encoder(16, 2)
print(enc(tf.randn(2, 5, 16)).shape)  # BUG  # E: LayerNorm(64) expects input Tensor[..., 64], got Tensor[2, 5, 16]; need size 64 at axis -1 (got 16)  [shape]
