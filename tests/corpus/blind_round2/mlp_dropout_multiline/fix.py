"""An MLP written one layer per line with Dropout between; the head still takes the first hidden width."""
import typedflux as tf
from typedflux import Chain, Dense, Dropout, relu

model = Chain(
    Dense(784, 512, relu),
    Dropout(0.2),
    Dense(512, 256, relu),
    Dropout(0.2),
    Dense(256, 10),
)
x = tf.randn(32, 784)
print(model(x).shape)
