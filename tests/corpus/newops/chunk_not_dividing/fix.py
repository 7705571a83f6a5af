"""A gated linear unit chunks a projection into two halves; the projection width is odd."""
import typedflux as tf
from typedflux import Dense

proj = Dense(16, 32)
a, b = tf.chunk(proj(tf.randn(4, 16)), 2)
glu = a * tf.sigmoid(b)
print(glu.shape)
