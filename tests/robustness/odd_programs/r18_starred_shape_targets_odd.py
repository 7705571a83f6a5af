"""Odd but valid (round 18's crash hunt): starred unpacking of x.shape in odd targets: a list target, a parenthesised tuple, a lone star, a for target, a comprehension, a walrus-held shape, a lambda default, a with target, nested stars in a function taking *sizes, and lead used as a tuple and a list."""
from __future__ import annotations
import contextlib
import typedflux as tf
from typedflux import Tensor

x = tf.zeros(2, 3, 8)
[*lead, d] = x.shape
y1 = x.reshape(*lead, 2, d // 2)
(*lead2, d2) = x.shape
y2 = tf.zeros(*lead2, d2)
*everything, = x.shape
y3 = tf.zeros(*everything)
for *ld, dd in [x.shape, (4, 6)]:
    print(tf.zeros(*ld, dd).shape)
shapes = [tf.zeros(*ld2, dd2).shape for *ld2, dd2 in [x.shape]]
if (s := x.shape):
    *l3, d3 = s
    y4 = x.reshape(*l3, d3)
f = lambda t, sh=x.shape: t.reshape(*sh[:-1], sh[-1])
y5 = f(x)
with contextlib.nullcontext(x.shape) as sh2:
    *l4, d4 = sh2
    y6 = tf.zeros(*l4, d4)


def make(*sizes: int) -> Tensor:
    *front, last = sizes
    return tf.zeros(*front, last)


y7 = make(*x.shape)
*l5, d5 = x.shape
t5 = tuple(l5)
y8 = tf.zeros(*t5, d5) + tf.zeros(*list(l5), d5)
print(y1.shape, y2.shape, y3.shape, shapes, y4.shape, y5.shape, y6.shape, y7.shape, y8.shape)
