"""A Parallel(tf.cat, tf.identity, Dense) keeps the input beside a projection; the Dense
after it forgot the identity branch's width."""
import typedflux as tf
from typedflux import Chain, Dense, Parallel, relu

model = Chain(
    Dense(6, 16, relu),
    Parallel(tf.cat, tf.identity, Dense(16, 8, relu)),
    Dense(8, 2),  # BUG  # E: Chain layer 3 Dense(8 => 2) expects input Tensor[..., 8], but layer 2 Parallel(cat, identity, Dense(16 => 8, relu)) produces Tensor[B, 24]; change Dense(8 => 2) to Dense(24 => 2)  [shape]
)
print(model(tf.randn(4, 6)).shape)
