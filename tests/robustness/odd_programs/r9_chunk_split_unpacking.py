"""Results of chunk and split unpacked in odd ways: a starred target, nested targets, a
negative index, a loop over the parts, a part rebound, and split sizes from a list."""
import typedflux as tf
from typedflux import Tensor

x = tf.randn(2, 12)
first, *rest = tf.chunk(x, 4)
*init, last = tf.chunk(x, 3)
a, (b, c) = tf.chunk(x, 2)[0], tf.chunk(x, 2)
tail = tf.split(x, (2, 4, 6))[-1]
total = tf.zeros(2, 3)
for part in tf.chunk(x, 4):
    total = total + part
sizes = [3, 9]
left, right = tf.split(x, sizes)
left = tf.cat(left, left, left, axis=-1)


def parts(t: Tensor) -> Tensor:
    q, k, v = tf.chunk(t, 3)
    return q * k + v


print(first.shape, len(rest), len(init), last.shape, a.shape, b.shape, c.shape, tail.shape,
      total.shape, left.shape, right.shape, parts(x).shape)
