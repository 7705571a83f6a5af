"""A dict or list changed in a way its first display does not show (redteam s12 kb06, s12r4
kc01): each changed program here runs, and the plugin said `[shape]` against the display's
value shape.

- `c.update(x=a, y=b)` of an inferred dict, with values of two shapes: each taken as it comes
  (`x` was checked against `y`'s shape, naming `MutableMapping.update`).
- A dict's or list's method held in a name (`m = d.update; m(y=...)`, `s = d.__setitem__`):
  no shape boundary against the display's value type; the dict is changed since, so
  `fuse(**d)` takes its values as they come.
- A scope that mentions `globals` (or `vars`, `locals`, `sys.modules`; called or held) may write its dicts unseen
  (`globals()["d3"]["y"] = ...`): they are not read key by key.

A function's dict only read, an annotated dict, and the call of the method itself keep their checks;
so does a held ``append``/``insert`` of a list whose type the user wrote (``add = xs.append`` of
``xs: List[Tensor[2, 4]]``, a parameter), in the words of ``xs.append(...)``.
"""

from typing import Dict, List, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def fuse(x: Tensor[B, 4], y: Tensor[B, 8]) -> Tensor[B, 12]:
    return tf.cat(x, y, axis=1)


c = {"x": tf.zeros(2, 4)}
c.update(x=tf.zeros(2, 4), y=tf.zeros(2, 8))
c.update(x=tf.zeros(2, 8), y=tf.zeros(2, 4), z=tf.zeros(2, 8))
declared: Dict[str, Tensor[2, 4]] = {"x": tf.zeros(2, 4)}
declared.update(x=tf.zeros(2, 4), y=tf.zeros(2, 8))  # E: Assigned shape Tensor[2, 8] (updated item "y") does not match the annotation Tensor[2, 4] of "declared": axis 1 is 8, expected 4  [shape]

d1 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}
m = d1.update
m(y=tf.zeros(2, 8))
r1 = fuse(**d1)

d2 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}
s = d2.__setitem__
s("y", tf.zeros(2, 8))
r2 = fuse(**d2)

d6 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}
d6.update([("y", tf.zeros(2, 8))])  # (pairs: any size, as keyword items)
r6 = fuse(**d6)

xs = [tf.zeros(2, 4)]
add = xs.append
add(tf.zeros(2, 8))

# A list whose type the user wrote: its method held in a name is still a shape promise.
declared_xs: List[Tensor[2, 4]] = []
add_declared = declared_xs.append
add_declared(tf.zeros(2, 4))
add_declared(tf.zeros(2, 8))  # E: Assigned shape Tensor[2, 8] (appended item) does not match the annotation Tensor[2, 4] of "declared_xs": axis 1 is 8, expected 4  [shape]
put_declared = declared_xs.insert
put_declared(0, tf.zeros(3, 4))  # E: Assigned shape Tensor[3, 4] (inserted item) does not match the annotation Tensor[2, 4] of "declared_xs": axis 0 is 3, expected 2  [shape]


def held_on_parameter(zs: List[Tensor[2, 4]]) -> None:
    grow = zs.append
    grow(tf.zeros(2, 8))  # E: Assigned shape Tensor[2, 8] (appended item) does not match the annotation Tensor[2, 4] of "zs": axis 1 is 8, expected 4  [shape]

d3 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}
globals()["d3"]["y"] = tf.zeros(2, 8)
r3 = fuse(**d3)



def only_read() -> Tensor[2, 12]:
    # (a function's own dict: the module's globals() call does not reach it)
    kw = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}
    return fuse(**kw)  # E: Argument "y" of "fuse" has shape Tensor[2, 4], which does not match the annotation Tensor[B, 8]: axis 1 is 4, expected 8  [shape]  # N: B=2

read_once = only_read()  # (raises on its return line at run time)
