"""A Transformer feed-forward block as a Chain; the contraction layer expects the model width."""
import typedflux as tf
from typedflux import Chain, Dense, Dropout, gelu

ffn = Chain(
    Dense(24, 96, gelu),
    Dropout(0.1),
    Dense(24, 24),  # BUG  # E: Chain layer 3 Dense(24 => 24) expects input Tensor[..., 24], but layer 2 Dropout(0.1) produces Tensor[B, 96]; change Dense(24 => 24) to Dense(96 => 24)  [shape]
)
print(ffn(tf.randn(2, 3, 24)).shape)
