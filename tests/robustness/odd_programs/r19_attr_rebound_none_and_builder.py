"""an attribute bound to a layer then to None under a flag (the second binding None),
read through `is not None`; a subclass binding twice whose base __call__ reads it, used in a
Chain; an attribute bound in __init__ and again by a classmethod builder after construction."""
from __future__ import annotations
from typing import Optional
import typedflux as tf
from typedflux import Chain, Dense, Tensor


class Proj:
    def __init__(self, d: int, use_proj: bool) -> None:
        self.proj: Optional[Dense] = Dense(d, 2 * d)
        if not use_proj:
            self.proj = None
        self.out = Dense(2 * d if use_proj else d, 3)

    def __call__(self, x: Tensor) -> Tensor:
        if self.proj is not None:
            x = self.proj(x)
        return self.out(x)


class Base:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Wide(Base):
    def __init__(self, d: int) -> None:
        super().__init__(d)
        self.fc = Dense(d, 2 * d)
        if d > 100:
            self.fc = Dense(d, d)


class Built:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)

    @classmethod
    def widened(cls, d: int) -> "Built":
        b = cls(d)
        b.fc = Dense(d, 3 * d)
        return b

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


x = tf.zeros(2, 4)
print(Proj(4, False)(x).shape, Proj(4, True)(x).shape)
net = Chain(Wide(4), Dense(8, 2))
print(net(x).shape)
print(Dense(12, 1)(Built.widened(4)(x)).shape)
