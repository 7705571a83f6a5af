"""attribute-binding order traps: the subclass binds self.fc BEFORE super().__init__
(the base's binding wins at run time); a helper method called from __init__ rebinds it; a
while loop rebinds it; try/except rebinds it; a class attribute flag flipped after the class."""
from __future__ import annotations
import typedflux as tf
from typedflux import Dense, Tensor


class Base:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, 3)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Early(Base):
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, 9)
        super().__init__(d)


class Helper:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        self._widen(d)

    def _widen(self, d: int) -> None:
        self.fc = Dense(d, 2 * d)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class WhileLoop:
    def __init__(self, d: int) -> None:
        w = d
        self.fc = Dense(d, d)
        while w < 16:
            self.fc = Dense(d, 2 * w)
            w = 2 * w

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class TryExcept:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        try:
            raise ValueError("no wide layer")
        except ValueError:
            self.fc = Dense(d, 5)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Flag:
    wide = False

    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        if self.wide:
            self.fc = Dense(d, 6)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


Flag.wide = True
x = tf.zeros(2, 4)
a: Tensor[2, 3] = Early(4)(x)
b: Tensor[2, 8] = Helper(4)(x)
c: Tensor[2, 16] = WhileLoop(4)(x)
d: Tensor[2, 5] = TryExcept(4)(x)
e: Tensor[2, 6] = Flag(4)(x)
print(Dense(3, 1)(a).shape, Dense(8, 1)(b).shape, Dense(16, 1)(c).shape, Dense(5, 1)(d).shape, Dense(6, 1)(e).shape)
print(Dense(3, 1)(Early(4)(x)).shape, Dense(8, 1)(Helper(4)(x)).shape, Dense(16, 1)(WhileLoop(4)(x)).shape)
print(Dense(5, 1)(TryExcept(4)(x)).shape, Dense(6, 1)(Flag(4)(x)).shape)
