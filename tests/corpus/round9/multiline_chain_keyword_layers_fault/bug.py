"""A named Chain written one part per line; the head takes the encoder's input width
instead of the bottleneck's."""
import typedflux as tf
from typedflux import Chain, Dense, Dropout, LayerNorm, relu

model = Chain(
    encoder=Chain(Dense(20, 64, relu), Dropout(0.1), Dense(64, 16, relu)),
    norm=LayerNorm(16),
    head=Dense(20, 3),  # BUG  # E: Chain layer 3 Dense(20 => 3) expects input Tensor[..., 20], but layer 2 LayerNorm(16) produces Tensor[B, 16]; change Dense(20 => 3) to Dense(16 => 3)  [shape]
)
print(model(tf.randn(5, 20)).shape)
