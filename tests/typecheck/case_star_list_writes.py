"""A list unpacked into a call (``one(*xs)``) is checked by the type mypy inferred from its
display (``list[Tensor[2, 7]]``) only when the list is only read in its scope: one written
since (``xs[0] = tf.zeros(2, 4)``), grown, or passed on holds values of any shape, and is
taken as it comes, unchecked (it was a false ``[shape]`` error naming the display's shape,
on a program that runs). An annotated list keeps its annotation (mypy checks every write).
"""

from typing import List

import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def one(x: Tensor[2, 4]) -> Tensor[2, 4]:
    return x


xs = [tf.zeros(2, 7)]
xs[0] = tf.zeros(2, 4)
one(*xs)

ys = [tf.zeros(2, 7)]
ys.append(tf.zeros(2, 4))
one(*ys[1:])

zs = [tf.zeros(2, 7)]
for z in zs:
    print(z.shape)
one(*zs)  # E: Argument "x" of "one" has shape Tensor[2, 7], which does not match the annotation Tensor[2, 4]: axis 1 is 7, expected 4  [shape]

held: List[Tensor[2, 7]] = [tf.zeros(2, 7)]
one(*held)  # E: Argument "x" of "one" has shape Tensor[2, 7], which does not match the annotation Tensor[2, 4]: axis 1 is 7, expected 4  [shape]


def local() -> None:
    ws = [tf.zeros(2, 7)]
    ws[0] = tf.zeros(2, 4)
    one(*ws)


def passed(fill: List[Tensor]) -> None:
    vs = [tf.zeros(2, 7)]
    fill.extend(vs)
    vs[0] = fill[0]
    one(*vs)


local()
passed([tf.zeros(2, 4)])
