"""A pre-norm residual MLP whose second Dense keeps the hidden width; the fix applies the
hint (project back to the input width)."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

block = SkipConnection(
    Chain(LayerNorm(48), Dense(48, 192, gelu), Dense(192, 48)),
    tf.add,
)
print(block(tf.randn(2, 48)).shape)
