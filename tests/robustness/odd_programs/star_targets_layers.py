"""Star-unpacking targets over layers, tensors from split, and Chain parts."""
import typedflux as tf
from typedflux import Chain, Dense, relu

first, *middle, last = [Dense(4, 8, relu), Dense(8, 8, relu), Dense(8, 8, relu), Dense(8, 2)]
model = Chain(first, *middle, last)
q, *kv = tf.split(tf.randn(2, 5, 96), (32, 32, 32))
head, *tail = model.layers
*init, final = tf.chunk(tf.randn(2, 12), 3)
print(model(tf.randn(3, 4)).shape, q.shape, len(kv), head, len(tail), final.shape, len(init))
(a, b), c = tf.split(tf.randn(2, 6), (3, 3)), tf.randn(1)
print(a.shape, b.shape, c.shape)
