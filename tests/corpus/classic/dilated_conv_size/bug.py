"""A dilated conv shrinks the map more than the residual add expects."""
import typedflux as tf
from typedflux import Conv

x = tf.randn(1, 4, 16, 16)
dil = Conv((3, 3), 4, 4, dilation=2, pad=1)
print((dil(x) + x).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 4, 14, 14], y has Tensor[1, 4, 16, 16]; need equal sizes or 1 at axis -2 (14 vs 16)  [shape]
