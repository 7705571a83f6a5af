"""A container's method called through its class on an inferred container (s15 hm02, kc01).

``self.layers = [Dense(8, 16)]`` is a ``list[Dense[8, 16]]`` (mypy solved ``_T`` from the
display), and ``list.append(self.layers, Dense(16, 4))`` calls ``def [_T] (self: list[_T],
object: _T)``: mypy could not solve ``_T`` from the two sizes (``Cannot infer value of type
parameter "_T" of "append" of "list"  [misc]``), where plain mypy, which gives layers no
sizes, says nothing, and the program runs. So does every such call: ``list.insert``,
``list.extend``, ``list.__setitem__``, ``dict.__setitem__``, ``dict.setdefault``,
``collections.deque.append``, a user generic class's ``Box.set(b, h)``, ``operator.setitem``. What is read back afterwards has unknown
sizes. A container whose type is written keeps mypy's error (the annotation promised one
shape).
"""

import collections
import operator
from typing import Generic, List, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v

    def set(self, v: T) -> None:
        self.v = v


class Net:
    def __init__(self) -> None:
        self.layers = [Dense(8, 16)]
        list.append(self.layers, Dense(16, 4))
        list.insert(self.layers, 0, Dense(3, 8))
        list.extend(self.layers, [Dense(4, 2)])
        list.__setitem__(self.layers, 0, Dense(5, 8))

    def __call__(self, x: Tensor) -> Tensor:
        for layer in self.layers[1:]:
            x = layer(x)
        return x


print(Net()(tf.zeros(2, 8)).shape)

xs = [tf.zeros(2, 9)]
list.append(xs, tf.zeros(2, 4))
list.insert(xs, 0, tf.zeros(2, 3))
list.extend(xs, [tf.zeros(2, 1)])
operator.setitem(xs, 0, tf.zeros(2, 5))
reveal_type(xs[1])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
print(tf.Dense(4, 3)(xs[2]).shape)  # (xs[2] is the (2, 4) tensor: no [shape] for Dense(4 => 3))

d = {"a": tf.zeros(2, 9)}
operator.setitem(d, "k", tf.zeros(2, 4))
dict.__setitem__(d, "k", tf.zeros(2, 4))
old = dict.setdefault(d, "a", tf.zeros(2, 5))  # (returns the (2, 9) tensor already there)
reveal_type(old)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
print(tf.Dense(9, 3)(old).shape)
dq = collections.deque([tf.zeros(2, 9)])
collections.deque.append(dq, tf.zeros(2, 4))
b = Box(tf.zeros(2, 9))
Box.set(b, tf.zeros(2, 4))  # (a user generic class's method, the same)
print(tf.Dense(4, 3)(b.v).shape)

# One shape throughout: mypy's own inference, clean.
same = [tf.zeros(2, 9)]
list.append(same, tf.zeros(2, 9))

# The type written: a shape promise, mypy's error stays.
declared: List[Tensor[2, 9]] = [tf.zeros(2, 9)]
list.append(declared, tf.zeros(2, 4))  # E: Cannot infer value of type parameter "_T" of "append" of "list"  [misc]
