"""An encoder layer's attention is built for a wider model than its input projection gives."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, MultiHeadAttention, SkipConnection

encoder = Chain(
    Dense(10, 32),
    SkipConnection(Chain(LayerNorm(32), MultiHeadAttention(64, 4)), tf.add),  # BUG  # E: Chain layer 2 MultiHeadAttention(64, nheads=4) expects input Tensor[B, T, 64], but layer 1 LayerNorm(32) produces Tensor[..., 32]; change MultiHeadAttention(64, nheads=4) to MultiHeadAttention(32, nheads=4), or LayerNorm(32) to LayerNorm(64)  [shape]
    LayerNorm(32),
)
print(encoder(tf.randn(2, 6, 10)).shape)
