"""Silent (not a false alarm): dicts unpacked after a key is overridden in the display, popped
or deleted; kept as a guard for the **dict work. Runs clean."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def fuse(x: Tensor[B, 8], y: Tensor[B, 8]) -> Tensor[B, 8]:
    return x + y


d6 = {**{"x": tf.zeros(2, 4)}, "x": tf.zeros(2, 8), "y": tf.zeros(2, 8)}
print(fuse(**d6).shape)
d8 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 8)}
d8.pop("x")
print(fuse(x=tf.zeros(2, 8), **d8).shape)
d9 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 8)}
del d9["x"]
print(fuse(tf.zeros(2, 8), **d9).shape)
