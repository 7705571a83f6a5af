"""A Transformer feed-forward block as a Chain; the contraction layer expects the model width."""
import typedflux as tf
from typedflux import Chain, Dense, Dropout, gelu

ffn = Chain(
    Dense(24, 96, gelu),
    Dropout(0.1),
    Dense(96, 24),
)
print(ffn(tf.randn(2, 3, 24)).shape)
