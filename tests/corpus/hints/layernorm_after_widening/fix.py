"""A pre-norm MLP block: the LayerNorm after the widening layer keeps the model width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, gelu

block = Chain(
    Dense(64, 256, gelu),
    LayerNorm(256),
    Dense(256, 64),
)
print(block(tf.randn(2, 64)).shape)
