"""Hidden states accumulated in a Python loop; the output layer's input width is wrong."""
import typedflux as tf
from typedflux import Dense, tanh

cell = Dense(4 + 8, 8, tanh)
out = Dense(8, 2)
h = tf.zeros(3, 8)
for t in range(5):
    x_t = tf.randn(3, 4)
    h = cell(tf.cat(x_t, h))
print(out(h).shape)
