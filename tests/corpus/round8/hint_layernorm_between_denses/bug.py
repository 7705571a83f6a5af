"""A pre-norm MLP whose LayerNorm was sized for the input, not the hidden layer it follows:
the hint must name the norm."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, gelu

model = Chain(
    Dense(64, 256, gelu),
    LayerNorm(64),  # BUG  # E: Chain layer 2 LayerNorm(64) expects input Tensor[..., 64], but layer 1 Dense(64 => 256, gelu) produces Tensor[B, 256]; change LayerNorm(64) to LayerNorm(256)  [shape]
    Dense(256, 64),
)
print(model(tf.randn(4, 64)).shape)
