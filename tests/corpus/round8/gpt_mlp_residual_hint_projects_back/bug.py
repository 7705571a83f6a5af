"""A GPT block's MLP as SkipConnection(Chain(LayerNorm, Dense up, Dense), tf.add): the
down projection kept the up projection's width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

mlp = SkipConnection(
    Chain(
        LayerNorm(32),
        Dense(32, 128, gelu),
        Dense(128, 128),  # BUG  # E: SkipConnection(Chain(LayerNorm(32), Dense(32 => 128, gelu), Dense(128 => 128)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[..., 128], xs[1] has Tensor[..., 32]; need equal sizes or 1 at axis -1 (128 vs 32); change Dense(128 => 128) to Dense(128 => 32)  [shape]
    ),
    tf.add,
)
print(mlp(tf.randn(2, 5, 32)).shape)
