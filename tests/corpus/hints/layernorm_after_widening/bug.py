"""A pre-norm MLP block: the LayerNorm after the widening layer keeps the model width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, gelu

block = Chain(
    Dense(64, 256, gelu),
    LayerNorm(64),  # BUG  # E: Chain layer 2 LayerNorm(64) expects input Tensor[..., 64], but layer 1 Dense(64 => 256, gelu) produces Tensor[B, 256]; change LayerNorm(64) to LayerNorm(256)  [shape]
    Dense(256, 64),
)
print(block(tf.randn(2, 64)).shape)
