"""A pre-norm MLP whose LayerNorm was sized for the input, not the hidden layer it follows:
the hint must name the norm."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, gelu

model = Chain(
    Dense(64, 256, gelu),
    LayerNorm(256),
    Dense(256, 64),
)
print(model(tf.randn(4, 64)).shape)
