"""An attention block from a helper taking the width and the head count; 40 is not
divisible by 6."""
import typedflux as tf
from typedflux import Chain, LayerNorm, MultiHeadAttention


def attn_block(d: int, heads: int) -> Chain:
    return Chain(LayerNorm(d), MultiHeadAttention(d, heads))


block = attn_block(40, 4)
print(block(tf.randn(2, 5, 40)).shape)
