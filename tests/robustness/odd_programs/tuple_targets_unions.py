"""Tuple-unpack targets with declared names, star and nested targets, and Union parameters
given each of their members."""
from typing import List, Optional, Tuple, TypeVar, Union

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


def pair() -> Tuple[Tensor[2, 4], Tensor[2, 8]]:
    return tf.zeros(2, 4), tf.zeros(2, 8)


a: Tensor[2, 4]
b: Tensor[2, 8]
a, b = pair()
(c, d), e = pair(), 3
first, *rest = [tf.zeros(2, 4), tf.zeros(2, 4), tf.zeros(2, 4)]
for i, (x, y) in enumerate([pair(), pair()]):
    print(i, x.shape, y.shape)
h, (w1, w2) = tf.zeros(3), (tf.ones(2), tf.ones(5))


def norm(x: Union[Tensor[B, 4], int]) -> Union[Tensor[B, 4], int]:
    return x if isinstance(x, int) else x / 2


def read(h: Union[Tensor[B, 4], Tensor[B, T, 4]]) -> Tensor[B, 4]:
    return h.reshape(h.shape[0], -1, 4).mean(axis=1)


def maybe(h: Optional[Union[Tensor[B, 4], float]] = None) -> float:
    return 0.0 if h is None else float(h) if isinstance(h, float) else float(h.sum().item())


def pep604(h: Tensor[B, 4] | None, k: int | Tensor[()] = 1) -> Tensor[B, 4] | None:
    return None if h is None else h * k


xs: List[Union[Tensor[2, 4], int]] = [tf.zeros(2, 4), 3]
n = norm(tf.ones(5, 4))
print(norm(3), n if isinstance(n, int) else n.shape)
print(read(tf.ones(3, 4)).shape, read(tf.ones(3, 6, 4)).shape, maybe(), maybe(2.0), maybe(tf.ones(1, 4)))
print(pep604(tf.ones(2, 4)), pep604(None), pep604(tf.ones(2, 4), tf.tensor(2.0)))
print(a.shape, b.shape, c.shape, d.shape, e, first.shape, len(rest), h.shape, w1.shape, w2.shape, len(xs))
