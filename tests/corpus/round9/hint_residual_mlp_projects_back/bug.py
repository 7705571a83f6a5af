"""A pre-norm residual MLP whose second Dense keeps the hidden width; the fix applies the
hint (project back to the input width)."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

block = SkipConnection(
    Chain(LayerNorm(48), Dense(48, 192, gelu), Dense(192, 192)),  # BUG  # E: SkipConnection(Chain(LayerNorm(48), Dense(48 => 192, gelu), Dense(192 => 192)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[..., 192], xs[1] has Tensor[..., 48]; need equal sizes or 1 at axis -1 (192 vs 48); change Dense(192 => 192) to Dense(192 => 48)  [shape]
    tf.add,
)
print(block(tf.randn(2, 48)).shape)
