"""A GPT MLP in a residual: the down projection repeats the up projection's sizes."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

mlp = SkipConnection(Chain(LayerNorm(32), Dense(32, 128, gelu), Dense(128, 32)), tf.add)
print(mlp(tf.randn(2, 7, 32)).shape)
