"""the method __init__ calls is overridden in a subclass (the subclass's runs); a method
that returns early; a method that reads an attribute whose class-level default __init__ rebinds
after the call; recursion; classmethod/staticmethod builders. All correct programs."""
from typing import Optional

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Base:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(16)
        self.head = Dense(self.in_planes, 3)

    def _make_layer(self, planes: int) -> Chain:
        d = Dense(self.in_planes, planes)
        self.in_planes = planes
        return Chain(d, relu)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer1(x))


class Doubled(Base):  # override doubles the width: head must be Dense(32, 3)
    def _make_layer(self, planes: int) -> Chain:
        d = Dense(self.in_planes, 2 * planes)
        self.in_planes = 2 * planes
        return Chain(d, relu)


class Early:
    def __init__(self, skip: bool) -> None:
        self.width = 8
        self.body = self._make(16, skip)
        self.head = Dense(self.width, 2)

    def _make(self, w: int, skip: bool) -> Chain:
        if skip:
            return Chain()
        d = Dense(self.width, w)
        self.width = w
        return Chain(d)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class LateDefault:  # class attribute width=8 read by the method, rebound by __init__ afterwards
    width = 8

    def __init__(self) -> None:
        self.body = self._make()
        self.width = 32
        self.head = Dense(self.width, 2)

    def _make(self) -> Dense:
        return Dense(self.width, 32)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Recursive:
    def __init__(self, depth: int) -> None:
        self.width = 4
        self.body = self._make(depth)
        self.head = Dense(self.width, 2)

    def _make(self, depth: int) -> Chain:
        if depth == 0:
            return Chain()
        d = Dense(self.width, self.width * 2)
        self.width = self.width * 2
        rest = self._make(depth - 1)
        return Chain(d, rest)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Builders:
    def __init__(self, cin: int) -> None:
        self.stem = self.make_stem(cin, 16)
        self.body = type(self).make_body(16)
        self.head = Builders.make_stem(16, 2)

    @staticmethod
    def make_stem(cin: int, cout: int) -> Dense:
        return Dense(cin, cout)

    @classmethod
    def make_body(cls, w: int) -> Chain:
        return Chain(Dense(w, w), relu)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(self.stem(x)))


class WiderBuilders(Builders):
    @staticmethod
    def make_stem(cin: int, cout: int) -> Dense:
        return Dense(cin, cout)


class Opt:
    def __init__(self, w: Optional[int] = None) -> None:
        self.width = 8
        self.body = self._make(w)
        self.head = Dense(self.width, 2)

    def _make(self, w: Optional[int]) -> Dense:
        if w is None:
            w = self.width
        d = Dense(self.width, w)
        self.width = w
        return d

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


x = tf.randn(2, 8)
print(Base()(x).shape, Doubled()(x).shape)
print(Early(True)(x).shape, Early(False)(x).shape)
print(LateDefault()(x).shape)
print(Recursive(2)(tf.randn(2, 4)).shape)
print(Builders(8)(x).shape, WiderBuilders(8)(x).shape)
print(Opt()(x).shape, Opt(5)(x).shape)
