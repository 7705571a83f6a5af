"""Inherited __init__ and no-argument constructions (flow's new work): correct programs whose
subclasses change what the base built, in the ways models do."""
from abc import ABC, abstractmethod
from typing import Optional

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu


class Base:
    def __init__(self, d: int = 8) -> None:
        self.body = Dense(d, 16, relu)
        self.head = Dense(16, 4)

    def __call__(self, x):
        return self.head(self.body(x))


class Plain(Base):
    pass


class NewHead(Base):
    def __init__(self, d: int = 8) -> None:
        super().__init__(d)
        self.head = Dense(16, 10)


class OwnCall(Base):
    def __call__(self, x):
        return self.body(x)


class ClassAttrWidth:
    width = 8

    def __init__(self) -> None:
        self.fc = Dense(self.width, 3)

    def __call__(self, x):
        return self.fc(x)


class Wider(ClassAttrWidth):
    width = 12


class HookBase:
    def __init__(self) -> None:
        self.proj = self.make_proj()

    def make_proj(self):
        return Dense(8, 8)

    def __call__(self, x):
        return self.proj(x)


class HookSub(HookBase):
    def make_proj(self):
        return Dense(8, 2)


class Abstract(ABC):
    def __init__(self) -> None:
        self.norm = LayerNorm(6)

    @abstractmethod
    def mix(self, x): ...

    def __call__(self, x):
        return self.mix(self.norm(x))


class Concrete(Abstract):
    def mix(self, x):
        return tf.cat(x, x, axis=-1)


class Mixin:
    def pre(self, x):
        return x * 2


class WithMixin(Mixin, Base):
    def __call__(self, x):
        return self.head(self.body(self.pre(x)))


class Level1(Base):
    pass


class Level2(Level1):
    def __init__(self) -> None:
        super().__init__(d=5)


class NoArgs:
    def __init__(self) -> None:
        self.a = Dense(3, 3)
        self.b: Optional[Dense] = None

    def __call__(self, x):
        h = self.a(x)
        return h if self.b is None else self.b(h)


class SetLater(NoArgs):
    def __init__(self) -> None:
        super().__init__()
        self.b = Dense(3, 7)


x8 = tf.randn(2, 8)
print(Plain()(x8).shape, Plain(8)(x8).shape, NewHead()(x8).shape, OwnCall()(x8).shape)
print(ClassAttrWidth()(x8).shape, Wider()(tf.randn(2, 12)).shape, HookSub()(x8).shape, Concrete()(tf.randn(2, 6)).shape)
print(WithMixin()(x8).shape, Level2()(tf.randn(2, 5)).shape, NoArgs()(tf.randn(2, 3)).shape, SetLater()(tf.randn(2, 3)).shape)
m = NewHead()
y = m(x8)
z = y[:, 9]
print(z.shape)
