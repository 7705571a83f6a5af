"""A YOLO detection head: the 1x1 conv predicts 4 box numbers per anchor and class scores,
but the reshape expects 5 (the objectness score was forgotten in the conv)."""
from typing import Final

import typedflux as tf
from typedflux import Conv

A: Final = 3
NC: Final = 4
head = Conv((1, 1), 32, A * (5 + NC))
feat = tf.randn(2, 32, 7, 7)
pred = head(feat).reshape(2, A, 5 + NC, 7, 7)
print(pred.shape)
