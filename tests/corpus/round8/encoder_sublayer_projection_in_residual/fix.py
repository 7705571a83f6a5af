"""A Transformer encoder's attention sublayer as SkipConnection(Chain(LayerNorm,
MultiHeadAttention, Dense), tf.add): the output projection halves the width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, MultiHeadAttention, SkipConnection

encoder_layer = Chain(
    SkipConnection(
        Chain(LayerNorm(64), MultiHeadAttention(64, 8), Dense(64, 64)),
        tf.add,
    ),
    LayerNorm(64),
)
print(encoder_layer(tf.randn(2, 5, 64)).shape)
