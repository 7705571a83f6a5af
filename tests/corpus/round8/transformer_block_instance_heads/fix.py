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


block = Block(32, 4)
print(block(tf.randn(2, 5, 32)).shape)
