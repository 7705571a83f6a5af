"""AdaIN: the style vector gives a scale and a bias per channel, which must be broadcast over
the feature map's height and width."""
import typedflux as tf
from typedflux import Dense, InstanceNorm

C, WDIM = 32, 64
style = Dense(WDIM, 2 * C)
norm = InstanceNorm(C)
x = tf.randn(2, C, 8, 8)
w = tf.randn(2, WDIM)
scale, bias = tf.chunk(style(w), 2)
out = norm(x) * (1 + scale) + bias  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 32, 8, 8], y has Tensor[2, 32]; need equal sizes or 1 at axis -2 (8 vs 2)  [shape]
print(out.shape)
