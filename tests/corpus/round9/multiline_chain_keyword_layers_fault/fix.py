"""A named Chain written one part per line; the head takes the encoder's input width
instead of the bottleneck's."""
import typedflux as tf
from typedflux import Chain, Dense, Dropout, LayerNorm, relu

model = Chain(
    encoder=Chain(Dense(20, 64, relu), Dropout(0.1), Dense(64, 16, relu)),
    norm=LayerNorm(16),
    head=Dense(16, 3),
)
print(model(tf.randn(5, 20)).shape)
