"""take_along_axis with indices of a lower rank than x."""
import typedflux as tf

x = tf.randn(4, 6)
idx = tf.argmax(x, axis=1)
best = tf.take_along_axis(x, idx[:, None], axis=1)
print(best.shape)
