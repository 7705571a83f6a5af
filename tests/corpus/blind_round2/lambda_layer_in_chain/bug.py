"""A lambda between two Dense layers: its body gives the Chain's output shape after it."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(8, 16, relu), lambda h: h * 2, Dense(16, 4))
x = tf.randn(3, 8)
y = model(x)
z = Dense(16, 2)(y)  # BUG  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[3, 4]; need size 16 at axis -1 (got 4)  [shape]
print(z.shape)
