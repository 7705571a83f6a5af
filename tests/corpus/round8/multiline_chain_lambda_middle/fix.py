"""A multi-line Chain with a lambda in the middle reshaping to tokens; the layer after the
lambda expects the wrong width."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, relu

tokenizer = Chain(
    Conv((4, 4), 3, 32, relu, stride=4),
    lambda x: tf.rearrange(x, "b c h w -> b (h w) c"),
    LayerNorm(32),
    Dense(32, 32),
)
print(tokenizer(tf.randn(2, 3, 16, 16)).shape)
