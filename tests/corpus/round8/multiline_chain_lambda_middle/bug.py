"""A multi-line Chain with a lambda in the middle reshaping to tokens; the layer after the
lambda expects the wrong width."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, relu

tokenizer = Chain(
    Conv((4, 4), 3, 32, relu, stride=4),
    lambda x: tf.rearrange(x, "b c h w -> b (h w) c"),
    LayerNorm(32),
    Dense(64, 32),  # BUG  # E: Chain layer 4 Dense(64 => 32) expects input Tensor[..., 64], but layer 3 LayerNorm(32) produces Tensor[..., 32]; change Dense(64 => 32) to Dense(32 => 32), or LayerNorm(32) to LayerNorm(64)  [shape]
)
print(tokenizer(tf.randn(2, 3, 16, 16)).shape)
