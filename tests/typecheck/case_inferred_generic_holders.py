"""Generic holders whose type parameter mypy solved from a first value (redteam s13 sl04, sl05).

``collections.deque([tf.zeros(2, 9)])`` is a ``deque[Tensor[2, 9]]`` and ``Box(tf.zeros(2, 9))``
a ``Box[Tensor[2, 9]]``, but no annotation promised that shape: the program runs with a tensor
of another shape appended, set or stored, so no ``[shape]`` is reported (as for lists and
dicts: case_inferred_containers.py). With the holder's type written, the parameter is a shape
boundary.

An attribute read from a holder that was given another shape (``b.v`` after ``b.set(tf.zeros(2,
4))``, where ``self.v = v`` for ``v: T``) has unknown sizes: the run gives (2, 4) where mypy
keeps the first value's ``Tensor[2, 9]`` (s15 A1); so has a property whose getter returns the
type parameter (``b.item``). Before another shape was given, and for an attribute the class
types otherwise, it keeps its sizes.
"""

import collections
from typing import Deque, Generic, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

T = TypeVar("T")
V = TypeVar("V", bound=Tensor)


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v
        self.first = tf.zeros(3, 5)

    def set(self, v: T) -> None:
        self.v = v

    def holds(self, v: T) -> bool:
        return v is self.v

    @property
    def item(self) -> T:
        return self.v


class Acc(Generic[V]):
    def __init__(self, v: V) -> None:
        self.v = v

    def add(self, v: V) -> Tensor:
        return self.v + v


dq = collections.deque([tf.zeros(2, 9)])
dq.append(tf.zeros(2, 4))
dq.appendleft(tf.zeros(2, 4))
b = Box(tf.zeros(2, 9))
b_before: Tensor[2, 9] = b.v
b.set(tf.zeros(2, 4))
b_after: Tensor[2, 4] = b.v
print(tf.Dense(4, 3)(b.v).shape)  # (the run gives (2, 4): no [shape] for Dense(4 => 3))
reveal_type(b.v)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(b.first)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[5]]"
same = Box(tf.zeros(2, 9))
same.set(tf.zeros(2, 9))
tf.Dense(4, 3)(same.v)  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[2, 9]; need size 4 at axis -1 (got 9)  [shape]
od = collections.OrderedDict([("x", tf.zeros(2, 9))])
od["y"] = tf.zeros(2, 4)
ch = collections.ChainMap({"x": tf.zeros(2, 9)})
ch["y"] = tf.zeros(2, 4)


class Holder:
    def __init__(self) -> None:
        self.box = Box(tf.zeros(2, 9))

    def swap(self) -> Tensor[2, 4]:
        self.box.set(tf.zeros(2, 4))
        return self.box.v


Holder().swap()
print(len(dq), b.v.shape, len(od), len(ch))

# A property whose getter returns the type parameter reads as the attribute does (fa fc01):
# its sizes before another shape was stored, unknown sizes after.
pb = Box(tf.zeros(2, 9))
reveal_type(pb.item)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[9]]"
tf.Dense(4, 3)(pb.item)  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[2, 9]; need size 4 at axis -1 (got 9)  [shape]
pb.set(tf.zeros(3))
reveal_type(pb.item)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
print((pb.item + tf.zeros(3)).shape)  # (the run gives (3,): no [shape] for the add)
lb = Box(tf.Dense(2, 2))
lb.set(tf.Dense(5, 1))
print(lb.item(tf.randn(1, 5)).shape)  # (the run gives (1, 1))

# The type written: a shape promise.
b2: Box[Tensor[2, 9]] = Box(tf.zeros(2, 9))
b2.set(tf.zeros(2, 9))
a2: Acc[Tensor[2, 9]] = Acc(tf.zeros(2, 9))
a2.add(tf.zeros(2, 4))  # at run time: the body fails  # E: Argument "v" of "Acc.add" has shape Tensor[2, 4], which does not match the annotation Tensor[2, 9]: axis 1 is 4, expected 9  [shape]
dq2: Deque[Tensor[2, 9]] = collections.deque()
dq2.append(tf.zeros(2, 9))
od2: "collections.OrderedDict[str, Tensor[2, 9]]" = collections.OrderedDict()
od2["y"] = tf.zeros(2, 4)  # E: Assigned shape Tensor[2, 4] does not match the annotation Tensor[2, 9] of "od2[...]": axis 1 is 4, expected 9  [shape]

# What is read back after another shape was added has unknown sizes (no false [shape]).
popped = dq.pop()
print(tf.Dense(4, 3)(popped).shape)
print(tf.Dense(4, 3)(od["y"]).shape)

# A lookup stores nothing: what is read back keeps its sizes (a layer that does not fit them
# is reported, and fails at run time).
dq3 = collections.deque([tf.zeros(2, 9)])
print(dq3.count(tf.zeros(2, 4)))
tf.Dense(4, 3)(dq3.pop())  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[2, 9]; need size 4 at axis -1 (got 9)  [shape]
b3 = Box(tf.zeros(2, 9))
print(b3.holds(tf.zeros(2, 4)))
tf.Dense(4, 3)(b3.v)  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[2, 9]; need size 4 at axis -1 (got 9)  [shape]
