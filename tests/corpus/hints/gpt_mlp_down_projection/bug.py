"""A GPT MLP in a residual: the down projection repeats the up projection's sizes."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

mlp = SkipConnection(Chain(LayerNorm(32), Dense(32, 128, gelu), Dense(32, 128)), tf.add)  # BUG  # E: Chain layer 3 Dense(32 => 128) expects input Tensor[..., 32], but layer 2 Dense(32 => 128, gelu) produces Tensor[..., 128]; change Dense(32 => 128) to Dense(128 => 32)  [shape]
print(mlp(tf.randn(2, 7, 32)).shape)
