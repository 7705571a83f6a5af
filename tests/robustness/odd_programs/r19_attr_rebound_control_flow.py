"""an attribute bound twice in __init__ through control flow the run decides: match,
a conditional expression, a loop with break, for/else, while/else, tuple targets, a chained
assignment, a walrus, a nested def called in __init__, a with block. Each __call__ and
the Dense after it fit the run's sizes."""
from __future__ import annotations
import contextlib
import typedflux as tf
from typedflux import Dense, Tensor


class Match:
    def __init__(self, d: int, kind: str) -> None:
        self.fc = Dense(d, d)
        match kind:
            case "wide":
                self.fc = Dense(d, 2 * d)
            case _:
                self.fc = Dense(d, 3)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Break:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        for w in [8, 16]:
            self.fc = Dense(d, w)
            if w == 8:
                break

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class ForElse:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        for w in [5]:
            self.fc = Dense(d, w)
        else:
            self.fc = Dense(d, 7)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Tuple2:
    def __init__(self, d: int, wide: bool) -> None:
        self.enc, self.dec = Dense(d, 8), Dense(8, 2)
        if wide:
            self.enc, self.dec = Dense(d, 16), Dense(16, 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.dec(self.enc(x))


class Chained:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        self.fc = self.other = Dense(d, 6)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Walrus:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        if (fc := Dense(d, 9)) is not None:
            self.fc = fc

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Nested:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)

        def build() -> None:
            self.fc = Dense(d, 11)

        build()

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class With:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        with contextlib.suppress(KeyError):
            self.fc = Dense(d, 12)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


x = tf.zeros(2, 4)
print(Dense(8, 1)(Match(4, "wide")(x)).shape, Dense(3, 1)(Match(4, "narrow")(x)).shape)
print(Dense(8, 1)(Break(4)(x)).shape)
print(Dense(7, 1)(ForElse(4)(x)).shape)
print(Dense(2, 1)(Tuple2(4, True)(x)).shape, Dense(2, 1)(Tuple2(4, False)(x)).shape)
print(Dense(6, 1)(Chained(4)(x)).shape)
print(Dense(9, 1)(Walrus(4)(x)).shape)
print(Dense(11, 1)(Nested(4)(x)).shape)
print(Dense(12, 1)(With(4)(x)).shape)
