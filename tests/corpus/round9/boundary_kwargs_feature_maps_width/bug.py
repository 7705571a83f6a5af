"""Feature maps passed by name through **kwargs to a fusion function that types every one of
them; the skip map comes from an earlier, narrower stage."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def fuse(**maps: Tensor[B, 32, 8, 8]) -> Tensor[B, 32, 8, 8]:
    return tf.stack(list(maps.values())).sum(axis=0)


stem = Conv((3, 3), 3, 16, pad=1)
body = Conv((3, 3), 16, 32, pad=1)
x = tf.randn(2, 3, 8, 8)
skip = stem(x)
deep = body(skip)
out = fuse(deep=deep, skip=skip)  # BUG  # E: Argument "skip" of "fuse" has shape Tensor[2, 16, 8, 8], which does not match the annotation Tensor[B, 32, 8, 8]: axis 1 is 16, expected 32  [shape]  # N: B=2
print(out.shape)
