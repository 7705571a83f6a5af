"""An outer sum by broadcasting (N, 1) + (1, M) is legal; adding (N,) to (N, M) is not."""
import typedflux as tf

a = tf.randn(4)
b = tf.randn(3)
outer = a.reshape(4, 1) + b.reshape(1, 3)
scale = tf.randn(4)
scaled = outer * scale.reshape(4, 1)
print(scaled.shape)
