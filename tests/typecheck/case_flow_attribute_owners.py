"""Blocks of one module that name their layers alike (``self.norm``, ``self.up``, ``self.down``
in every class): each class's attributes are traced on their own.

An attribute is known of a model class's instance when that class (or a class of the module
deriving from it) binds an attribute of that name once, and nothing else binds one on an
object whose class is not known (flow_instances.py). Two classes that both bind
``self.norm`` in their ``__init__`` are each traced: an error only one construction gives is
reported in that class's ``__call__``, the other classes stay clean. A subclass that rebinds
an attribute makes its base's attribute unknown where the base's methods read it on any
``self`` (it may be the subclass's instance there): silent, not proven; a construction of the
base itself is an instance of exactly the base, traced with the base's own binding. The
same lines fail at run time with the same words.
"""

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)


class MLPBlock:
    def __init__(self, d: int, hidden: int) -> None:
        self.norm = LayerNorm(d)
        self.up = Dense(d, hidden, gelu)
        self.down = Dense(hidden, d)

    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
        return x + self.down(self.up(self.norm(x)))


class WideBlock:
    def __init__(self, d: int, hidden: int) -> None:
        self.norm = LayerNorm(d)
        self.up = Dense(d, hidden, gelu)
        self.down = Dense(hidden, hidden)

    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
        return x + self.down(self.up(self.norm(x)))  # E: Cannot broadcast for "add": x has Tensor[B, 32], y has Tensor[B, 128]; need equal sizes or 1 at axis -1 (32 vs 128)  [shape]  # N: with the layers WideBlock(32, 128) builds (line 54)


class WideBlockFixed:
    def __init__(self, d: int, hidden: int) -> None:
        self.norm = LayerNorm(d)
        self.up = Dense(d, hidden, gelu)
        self.down = Dense(hidden, d)

    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
        return x + self.down(self.up(self.norm(x)))


MLPBlock(32, 64)(tf.randn(4, 32))
WideBlock(32, 128)(tf.randn(4, 32))
WideBlockFixed(32, 128)(tf.randn(4, 32))


# A subclass rebinding ``down``: mypy's type of the base's ``down`` has unknown sizes (a
# layer attribute assigned in more than one statement of a class and its subclasses), but a
# construction of the base itself builds a ``Base``, whose only binding of ``down`` is its
# own: ``Base(16, 48)`` is traced and its ``__call__`` fails for it. ``Shrink`` binds ``down``
# again after its base's ``__init__`` (two bindings: not known): silent.
class Base:
    def __init__(self, d: int, hidden: int) -> None:
        self.up = Dense(d, hidden)
        self.down = Dense(hidden, hidden)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        return x + self.down(self.up(x))  # E: Cannot broadcast for "add": x has Tensor[B, 16], y has Tensor[B, 48]; need equal sizes or 1 at axis -1 (16 vs 48)  [shape]  # N: with the layers Base(16, 48) builds (line 79)


class Shrink(Base):
    def __init__(self, d: int, hidden: int) -> None:
        super().__init__(d, hidden)
        self.down = Dense(hidden, d)


Shrink(16, 48)(tf.randn(2, 16))
Base(16, 48)(tf.randn(2, 16))


# ``self.inner`` in ``Holder.__call__``: ``self`` may be a ``Fitted``, whose ``inner`` differs
# (bound once in each class's ``__init__``): not known there, silent.
class Widen:
    def __init__(self, d: int, hidden: int) -> None:
        self.up = Dense(d, hidden)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.up(x)


class Holder:
    def __init__(self) -> None:
        self.inner = Widen(16, 48)
        self.down = Dense(16, 4)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 4]:
        return self.down(self.inner(x))


class Fitted(Holder):
    def __init__(self) -> None:
        super().__init__()
        self.inner = Widen(16, 16)


Fitted()(tf.randn(2, 16))


# A class generic in its width: the construction binds D (Stack(16, 3) is a Stack[16]), so
# its body is right for every width; it is not run with the layers beside a rigid D: silent.
W = TypeVar("W", bound=int)


class Stack(Generic[W]):
    def __init__(self, d: W, depth: int) -> None:
        self.blocks = [Dense(d, d) for _ in range(depth)]

    def __call__(self, x: Tensor[B, W]) -> Tensor[B, W]:
        for blk in self.blocks:
            x = blk(x)
        return x


Stack(16, 3)(tf.randn(2, 16))
