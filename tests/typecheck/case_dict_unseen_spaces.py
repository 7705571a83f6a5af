"""A module that reaches its variables by name through an alias of ``globals``.

``g = globals`` then ``g()["d4"]["y"] = ...`` changes the dict unseen, as ``globals()[...]``,
``builtins.globals()`` and ``sys.modules[__name__]`` do: a scope that mentions one of them
(called or not) does not read its dicts key by key, so the call below is not checked
against the display's shapes (it was a false ``[shape]``). Runs clean.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def fuse(x: Tensor[B, 4], y: Tensor[B, 8]) -> Tensor[B, 12]:
    return tf.cat(x, y, axis=1)


d4 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}
g = globals
g()["d4"]["y"] = tf.zeros(2, 8)
r4 = fuse(**d4)
print(r4.shape)
