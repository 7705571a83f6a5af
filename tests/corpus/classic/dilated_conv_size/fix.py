"""A dilated conv shrinks the map more than the residual add expects."""
import typedflux as tf
from typedflux import Conv

x = tf.randn(1, 4, 16, 16)
dil = Conv((3, 3), 4, 4, dilation=2, pad=2)
print((dil(x) + x).shape)
