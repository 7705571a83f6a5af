"""A classifier head put straight after a pooling layer, without Flatten."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMaxPool, relu

model = Chain(
    Conv((3, 3), 1, 8, relu, pad=1),
    GlobalMaxPool(),
    Dense(8, 10),  # BUG  # E: Chain layer 3 Dense(8 => 10) expects input Tensor[..., 8], but layer 2 GlobalMaxPool() produces Tensor[B, 8, 1, 1]; insert Flatten() before Dense(8 => 10)  [shape]
)
print(model(tf.randn(2, 1, 6, 6)).shape)
