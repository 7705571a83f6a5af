"""A Transformer encoder layer class sized by its constructor; the feed-forward's second
Dense repeats the first's sizes."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, MultiHeadAttention, Tensor, gelu


class EncoderLayer:
    def __init__(self, d: int, heads: int, ff: int) -> None:
        self.attn = MultiHeadAttention(d, heads)
        self.norm1 = LayerNorm(d)
        self.ff = Chain(Dense(d, ff, gelu), Dense(d, ff))
        self.norm2 = LayerNorm(d)

    def __call__(self, x: Tensor) -> Tensor:
        x = self.norm1(x + self.attn(x))
        return self.norm2(x + self.ff(x))


layer = EncoderLayer(32, 4, 64)  # BUG  # E: Chain layer 2 Dense(32 => 64) expects input Tensor[..., 32], but layer 1 Dense(32 => 64, gelu) produces Tensor[B, 64]; change Dense(32 => 64) to Dense(64 => 32)  [shape]
print(layer(tf.randn(2, 5, 32)).shape)
