"""(jaxtyping style) a per-channel bias added to an NCHW map without its trailing axes."""
import typedflux as tf

x = tf.randn(4, 3, 8, 8)
bias = tf.randn(3)
print((x + bias).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 3, 8, 8], y has Tensor[3]; need equal sizes or 1 at axis -1 (8 vs 3)  [shape]
