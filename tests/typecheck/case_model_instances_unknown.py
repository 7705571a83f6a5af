"""Model instances whose attributes may not be what ``__init__`` built: no claim.

case_model_instances.py follows an instance's ``__init__`` where the instance is traced to
the call that built it. Here something else may change an attribute (rebound after
``__init__``, augmented, a list appended to outside ``__init__``), the class has a base, the
instance's name is bound twice or in a loop, ``__init__`` returns early on a path not known,
takes a branch not known, binds in a ``with``/``try``/``while``, or builds its class again
(recursion): every line is clean, and each runs.
"""

import contextlib
from typing import Any, Generic, List, Optional, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, relu


class Swapped:
    def __init__(self, n: int) -> None:
        self.head = Dense(4, n)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


swapped = Swapped(3)
swapped.head = Dense(4, 5)
swapped(tf.randn(2, 4)) + tf.zeros(2, 5)


class Stacked:
    def __init__(self, width: int) -> None:
        self.layers = [Dense(width, width, relu)]
        self.calls = 0

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for layer in self.layers:
            x = layer(x)
        return x


class Grown(Stacked):
    pass


grown = Grown(8)
grown(tf.randn(3, 8)) + tf.zeros(3, 8)
stack = Stacked(8)
stack.layers.append(Dense(8, 16))
stack(tf.randn(3, 8)) + tf.zeros(3, 16)
stack.calls += 1


class Counter:
    def __init__(self, n: int) -> None:
        self.n = n
        self.fc = Dense(4, n)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)

    def grow(self) -> None:
        self.n += 1
        self.fc = Dense(4, self.n)


counter = Counter(3)
counter.grow()
counter(tf.randn(2, 4)) + tf.zeros(2, 4)

rebound = Swapped(3)
rebound = Swapped(5)
rebound(tf.randn(2, 4)) + tf.zeros(2, 5)
for width in [3, 5]:
    looped = Swapped(width)
looped(tf.randn(2, 4)) + tf.zeros(2, 5)


class Early:
    def __init__(self, n: int, small: bool) -> None:
        if small:
            self.fc = Dense(4, 2)
            return
        self.fc = Dense(4, n)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


def pick(small: bool) -> tf.Tensor:
    early = Early(8, small)
    return early(tf.randn(2, 4)) + tf.zeros(2, 2)


pick(True)


class Tree:
    def __init__(self, depth: int) -> None:
        self.leaf = Dense(4, 4)
        self.child: Optional[Tree] = Tree(depth - 1) if depth > 0 else None

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.leaf(x)


tree = Tree(2)
tree(tf.randn(2, 4)) + tf.zeros(2, 4)


class Logged:
    def __init__(self, n: int, log: List[str]) -> None:
        log.append("built")
        print("building", n)
        self.fc = Dense(4, n)
        setattr(self, "fc", Dense(4, 7))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


logged = Logged(3, [])
logged(tf.randn(2, 4)) + tf.zeros(2, 7)


class SetAttr:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        self.__setattr__("fc", Dense(d, 2 * d))  # (a binding no target shows, as setattr)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


Dense(16, 2)(SetAttr(8)(tf.randn(3, 8)))


class Cond:
    def __init__(self, big: bool, n: int) -> None:
        if big:
            self.fc = Dense(4, 2 * n)
        else:
            self.fc = Dense(4, n)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


def either(big: bool) -> tf.Tensor:
    c = Cond(big, 3)  # (which branch __init__ takes is not known here)
    return c(tf.randn(2, 4)) + tf.zeros(2, 3)


either(False)
T = TypeVar("T")


class Holder(Generic[T]):
    def __init__(self, d: int, tag: T, *extra: int, **options: str) -> None:
        self.fc = Dense(d, d)
        self.tag = tag
        with contextlib.nullcontext(str(tag)) as text:
            self.first = text
        try:
            self.tail = Dense(d, 2)
        except ValueError:
            self.tail = Dense(d, 2)
        while not extra:
            self.fc = Dense(d, 4)
            break

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


Holder(4, "a")(tf.randn(2, 4)) + tf.zeros(2, 4)
Holder(4, "a", 1, mode="x").tail(tf.randn(2, 4)) + tf.zeros(2, 2)
# A list changed by an item assignment is not followed any more (here and in __init__).
parts: List[Any] = [Dense(4, 8)]
parts[0] = Dense(4, 16)
Chain(*parts)(tf.randn(2, 4)) + tf.zeros(2, 16)
