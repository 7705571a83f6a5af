"""A GPT block's MLP as SkipConnection(Chain(LayerNorm, Dense up, Dense), tf.add): the
down projection kept the up projection's width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

mlp = SkipConnection(
    Chain(
        LayerNorm(32),
        Dense(32, 128, gelu),
        Dense(128, 32),
    ),
    tf.add,
)
print(mlp(tf.randn(2, 5, 32)).shape)
