"""Index tensors of several kinds: a mask, an argmax with keepdims, an arange slice."""
import typedflux as tf

x = tf.randn(6, 3)
mask = tf.tensor([True, False, True, False, True, False])
print(x[mask].shape)
best = tf.argmax(x, axis=1, keepdims=True)
print(x[best].shape)
pos = tf.arange(4)[1:]
print(x[pos].shape, x[pos, 0].shape)
