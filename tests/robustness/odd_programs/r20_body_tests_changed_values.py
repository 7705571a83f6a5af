"""body tests on instance values the construction set, where the value at call time differs:
a class attribute flag flipped on the class, a flag reset by a method the body calls first, an
attribute set to None in the body, hasattr of an attribute a holder sets, a subclass body
defining the attribute, a flag from a module global the construction read, changed later. All run."""
from typing import Optional

import typedflux as tf
from typedflux import Dense, Tensor

MODE = "small"


class ClassFlag:
    wide = False

    def __init__(self) -> None:
        self.small = Dense(8, 4)
        self.big = Dense(8, 16)

    def __call__(self, x: Tensor) -> Tensor:
        if self.wide:
            return self.big(x)
        return self.small(x)


ClassFlag.wide = True


class Resets:
    def __init__(self) -> None:
        self.wide = False
        self.small = Dense(8, 4)
        self.big = Dense(8, 16)

    def prepare(self) -> None:
        self.wide = True

    def __call__(self, x: Tensor) -> Tensor:
        self.prepare()
        if self.wide:
            return self.big(x)
        return self.small(x)


class DropsDown:
    def __init__(self) -> None:
        self.down: Optional[Dense] = Dense(8, 4)

    def __call__(self, x: Tensor) -> Tensor:
        self.down = None
        if self.down is not None:
            return self.down(x)
        return x


class Pre:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)
        if cin != cout:
            self.shortcut = Dense(cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        if hasattr(self, "shortcut"):
            return self.fc(x) + self.shortcut(x)
        return self.fc(x) + x


class Holder:
    def __init__(self) -> None:
        self.block = Pre(8, 8)
        self.block.fc = Dense(8, 16)
        self.block.shortcut = Dense(8, 16)

    def __call__(self, x: Tensor) -> Tensor:
        return self.block(x)


class FromGlobal:
    def __init__(self) -> None:
        self.mode = MODE
        self.a = Dense(8, 4)
        self.b = Dense(8, 6)

    def __call__(self, x: Tensor) -> Tensor:
        if self.mode == "small":
            return self.a(x)
        return self.b(x)


def set_mode(m: str) -> None:
    global MODE
    MODE = m


x = tf.randn(2, 8)
big: Tensor = ClassFlag()(x)
assert big.shape == (2, 16)
r: Tensor = Resets()(x)
assert r.shape == (2, 16)
dd: Tensor = DropsDown()(x)
assert dd.shape == (2, 8)
h: Tensor = Holder()(x)
assert h.shape == (2, 16)
set_mode("large")
fg = FromGlobal()
assert fg(x).shape == (2, 6)
print(Dense(6, 1)(fg(x)).shape)
print(Dense(16, 1)(Resets()(x)).shape, Dense(16, 1)(ClassFlag()(x)).shape, Dense(8, 1)(DropsDown()(x)).shape)
print(Dense(16, 1)(Holder()(x)).shape)
