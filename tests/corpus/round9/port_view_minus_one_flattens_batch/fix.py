"""A PyTorch port: `x.view(-1, 16 * 5 * 5)` became `x.reshape(-1)`, which flattens the batch
too; the first Dense then sees one long vector."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, relu

features = Chain(Conv((5, 5), 1, 6, relu), MaxPool((2, 2)), Conv((5, 5), 6, 16, relu), MaxPool((2, 2)))
fc = Chain(Dense(16 * 5 * 5, 120, relu), Dense(120, 10))
x = tf.randn(4, 1, 32, 32)
h = features(x).reshape(-1, 16 * 5 * 5)
print(fc(h).shape)
