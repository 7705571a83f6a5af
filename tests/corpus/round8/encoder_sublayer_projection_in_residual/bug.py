"""A Transformer encoder's attention sublayer as SkipConnection(Chain(LayerNorm,
MultiHeadAttention, Dense), tf.add): the output projection halves the width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, MultiHeadAttention, SkipConnection

encoder_layer = Chain(
    SkipConnection(
        Chain(LayerNorm(64), MultiHeadAttention(64, 8), Dense(64, 32)),  # BUG  # E: Chain layer 1 SkipConnection(Chain(LayerNorm(64), MultiHeadAttention(64, nheads=8), Dense(64 => 32)), add): Cannot broadcast for "add": xs[0] has Tensor[?, ?, 32], xs[1] has Tensor[..., 64]; need equal sizes or 1 at axis -1 (32 vs 64)  [shape]  # N: input to layer 1: Tensor[..., 64]
        tf.add,
    ),
    LayerNorm(64),
)
print(encoder_layer(tf.randn(2, 5, 64)).shape)
