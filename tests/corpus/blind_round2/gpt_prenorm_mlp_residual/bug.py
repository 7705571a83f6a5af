"""A pre-norm GPT MLP residual whose down projection does not return to the model width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

mlp = SkipConnection(
    Chain(
        LayerNorm(64),
        Dense(64, 256, gelu),
        Dense(256, 128),  # BUG  # E: SkipConnection(Chain(LayerNorm(64), Dense(64 => 256, gelu), Dense(256 => 128)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[..., 128], xs[1] has Tensor[..., 64]; need equal sizes or 1 at axis -1 (128 vs 64); change Dense(256 => 128) to Dense(256 => 64)  [shape]
    ),
    tf.add,
)
print(mlp(tf.randn(2, 10, 64)).shape)
