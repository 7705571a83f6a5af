"""An encoder layer's attention is built for a wider model than its input projection gives."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, MultiHeadAttention, SkipConnection

encoder = Chain(
    Dense(10, 32),
    SkipConnection(Chain(LayerNorm(32), MultiHeadAttention(32, 4)), tf.add),
    LayerNorm(32),
)
print(encoder(tf.randn(2, 6, 10)).shape)
