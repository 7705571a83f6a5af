"""A feature-pyramid fusion takes a list of maps of one shape; the list display's last item
skipped its lateral projection."""
from typing import List, TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def fuse(levels: List[Tensor[B, 32, 8, 8]]) -> Tensor[B, 32, 8, 8]:
    return tf.stack(levels).sum(axis=0)


lat = Conv((1, 1), 64, 32)
a, b = tf.randn(2, 64, 8, 8), tf.randn(2, 64, 8, 8)
print(fuse([lat(a), lat(b), lat(b)]).shape)
