"""An outer sum by broadcasting (N, 1) + (1, M) is legal; adding (N,) to (N, M) is not."""
import typedflux as tf

a = tf.randn(4)
b = tf.randn(3)
outer = a.reshape(4, 1) + b.reshape(1, 3)
scale = tf.randn(4)
scaled = outer * scale  # BUG  # E: Cannot broadcast for "mul": x has Tensor[4, 3], y has Tensor[4]; need equal sizes or 1 at axis -1 (3 vs 4); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(scaled.shape)
