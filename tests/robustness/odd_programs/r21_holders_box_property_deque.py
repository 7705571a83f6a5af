"""Generic holders typed by their first value then given other shapes: a Box with a property
and a setter, a deque rotated and indexed, a user Stack subclassing list; reads after."""
from collections import deque
from typing import Generic, List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self._item = item

    @property
    def item(self) -> T:
        return self._item

    @item.setter
    def item(self, v: T) -> None:
        self._item = v

    def swap(self, v: T) -> T:
        old, self._item = self._item, v
        return old


class Stack(List[T]):
    def top(self) -> T:
        return self[-1]


b = Box(tf.zeros(2, 4))
old = b.swap(tf.zeros(3))
print(old.shape, b.item.shape)
lb = Box(Dense(2, 2))
first = lb.swap(Dense(5, 1))
print(first(tf.randn(1, 2)).shape)
q = deque([tf.zeros(1, 2)], maxlen=3)
q.append(tf.zeros(4, 4))
q.append(tf.zeros(6))
q.rotate(-1)
print([t.shape for t in q], q[0].shape)
s: Stack[Tensor] = Stack()
s.append(tf.zeros(2))
s.append(tf.zeros(3, 3))
print(s.top().shape)
