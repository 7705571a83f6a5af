"""A Transformer block class sized by its constructor; built with 30 channels and 4 heads."""
import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, gelu


class Block:
    def __init__(self, d: int, heads: int) -> None:
        self.norm = LayerNorm(d)
        self.attn = MultiHeadAttention(d, heads)
        self.ff = Dense(d, d, gelu)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x + self.attn(self.norm(x))
        return x + self.ff(x)


block = Block(30, 4)  # BUG  # E: Invalid arguments for "MultiHeadAttention": d = 30, nheads = 4; need d divisible by nheads (30 % 4 = 2)  [shape]
print(block(tf.randn(2, 5, 30)).shape)
