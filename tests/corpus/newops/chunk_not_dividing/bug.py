"""A gated linear unit chunks a projection into two halves; the projection width is odd."""
import typedflux as tf
from typedflux import Dense

proj = Dense(16, 33)
a, b = tf.chunk(proj(tf.randn(4, 16)), 2)  # BUG  # E: Cannot split evenly for "chunk": x has Tensor[4, 33], chunks is 2; need the size at axis 1 divisible by 2 (33 % 2 = 1)  [shape]
glu = a * tf.sigmoid(b)
print(glu.shape)
