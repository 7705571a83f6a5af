"""A train/validation split with tf.split on the default (last) axis instead of the batch axis."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
data = tf.randn(64, 10)
train_x, val_x = tf.split(data, (48, 16), axis=0)
model = Chain(Dense(10, 8, relu), Dense(8, 1))
print(model(train_x).shape, model(val_x).shape)
