"""A method of a user generic holder whose type mypy inferred from its first value, held in a
name, a ``functools.partial`` or a list item, and called with another shape (redteam s15 fa05,
fe08).

``b = Box(tf.zeros(2, 9))`` is a ``Box[Tensor[2, 9]]`` only because mypy solved ``T`` from the
first value: ``b.set(tf.zeros(2, 4))`` runs and is accepted (case_inferred_generic_holders.py),
and so is the same method held first (``s = b.set; s(tf.zeros(9))``,
``functools.partial(b.set)(...)``, ``[b.set][0](...)``). What is read from the holder
afterwards has unknown sizes. With the holder's type written (``a: Acc[Tensor[2, 9]]``), its
held method's parameter is a shape promise, as the direct call's is.
"""

import functools
from typing import Generic, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

T = TypeVar("T")
V = TypeVar("V", bound=Tensor)


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v

    def set(self, v: T) -> None:
        self.v = v

    def get(self) -> T:
        return self.v


class Acc(Generic[V]):
    def __init__(self, v: V) -> None:
        self.v = v

    def add(self, v: V) -> Tensor:
        return self.v + v


# Held in a name: taken as ``b.set(...)`` takes it; reads after it have unknown sizes.
b = Box(tf.zeros(2, 9))
s = b.set
s(tf.zeros(9))
reveal_type(b.v)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
print(b.v.shape)

# Through functools.partial.
p = Box(tf.zeros(2, 9))
setp = functools.partial(p.set)
setp(tf.zeros(8))
functools.partial(p.set)(tf.zeros(3, 3))
reveal_type(p.v)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
print(tf.Dense(3, 2)(p.v).shape)

# A list item: which holder's method it is is not proven either way.
q = Box(tf.zeros(2, 9))
r = Box(tf.zeros(2, 9))
setters = [q.set, r.set]
setters[0](tf.zeros(7))
[q.set][0](tf.zeros(6))
reveal_type(q.v)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
print(q.v.shape, r.v.shape)

# A held method that returns the type parameter, of a holder given another shape.
g = Box(tf.zeros(2, 9))
g.set(tf.zeros(2, 4))
get = g.get
print(tf.Dense(4, 3)(get()).shape)

# Same shape, nothing mixed: the sizes are kept, and a layer that does not fit is reported.
same = Box(tf.zeros(2, 9))
keep = same.set
keep(tf.zeros(2, 9))
reveal_type(same.v)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[9]]"

# The type written: a held method's parameter is a shape promise.
a: Acc[Tensor[2, 9]] = Acc(tf.zeros(2, 9))
add = a.add
add(tf.zeros(2, 9))
add(tf.zeros(2, 4))  # at run time: the body fails  # E: Argument "v" of "add" has shape Tensor[2, 4], which does not match the annotation Tensor[2, 9]: axis 1 is 4, expected 9  [shape]
