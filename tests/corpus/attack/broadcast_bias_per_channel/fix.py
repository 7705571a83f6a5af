"""(jaxtyping style) a per-channel bias added to an NCHW map without its trailing axes."""
import typedflux as tf

x = tf.randn(4, 3, 8, 8)
bias = tf.randn(3)
print((x + bias.reshape(3, 1, 1)).shape)
