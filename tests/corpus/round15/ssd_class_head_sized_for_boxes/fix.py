"""SSD's multibox head: on each feature map a 3x3 conv predicts 4 box offsets per anchor and
another C class scores per anchor; the class conv was sized 4 per anchor, so its output does not
reshape to C scores per anchor."""
import typedflux as tf
from typedflux import Conv

A, C = 6, 21
fmap = tf.randn(2, 32, 5, 5)
loc_head = Conv((3, 3), 32, A * 4, pad=1)
conf_head = Conv((3, 3), 32, A * C, pad=1)
loc = loc_head(fmap).transpose(0, 2, 3, 1).reshape(2, -1, 4)
conf = conf_head(fmap).transpose(0, 2, 3, 1).reshape(2, -1, C)
print(loc.shape, conf.shape)
