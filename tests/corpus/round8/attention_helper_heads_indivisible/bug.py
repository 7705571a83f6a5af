"""An attention block from a helper taking the width and the head count; 40 is not
divisible by 6."""
import typedflux as tf
from typedflux import Chain, LayerNorm, MultiHeadAttention


def attn_block(d: int, heads: int) -> Chain:
    return Chain(LayerNorm(d), MultiHeadAttention(d, heads))


block = attn_block(40, 6)  # BUG  # E: Invalid arguments for "MultiHeadAttention": d = 40, nheads = 6; need d divisible by nheads (40 % 6 = 4)  [shape]
print(block(tf.randn(2, 5, 40)).shape)
