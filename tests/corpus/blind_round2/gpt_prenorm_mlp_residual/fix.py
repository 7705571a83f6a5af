"""A pre-norm GPT MLP residual whose down projection does not return to the model width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

mlp = SkipConnection(
    Chain(
        LayerNorm(64),
        Dense(64, 256, gelu),
        Dense(256, 64),
    ),
    tf.add,
)
print(mlp(tf.randn(2, 10, 64)).shape)
