"""A lambda between two Dense layers: the Chain's output width is still known after it."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(8, 16, relu), lambda h: h * 2, Dense(16, 4))
x = tf.randn(3, 8)
y = model(x)
z = Dense(4, 2)(y)
print(z.shape)
