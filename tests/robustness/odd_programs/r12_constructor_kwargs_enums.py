"""Constructors with **kwargs, *args, defaults from other params, dict lookups, enums, strings."""
import enum
from typing import Any, Dict

import typedflux as tf
from typedflux import Conv, Dense, relu


class Size(enum.IntEnum):
    SMALL = 8
    LARGE = 16


WIDTHS: Dict[str, int] = {"s": 8, "l": 16}


class A:
    def __init__(self, d: int, **kw: int) -> None:
        self.fc = Dense(d, kw.get("out", 4))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Bv:
    def __init__(self, *dims: int) -> None:
        self.fc = Dense(dims[0], dims[-1])

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Cc:
    def __init__(self, d: int, out: int = -1) -> None:
        out = d if out < 0 else out
        self.fc = Dense(d, out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Dd:
    def __init__(self, size: str) -> None:
        self.fc = Dense(4, WIDTHS[size])

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Ee:
    def __init__(self, size: Size) -> None:
        self.fc = Dense(4, int(size))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Ff:
    def __init__(self, mode: str, d: int) -> None:
        self.fc = Dense(d, 2 * d) if mode == "wide" else Dense(d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Gg:
    def __init__(self, d: int, cfg: Any) -> None:
        self.fc = Dense(d, cfg["out"])

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Hh:
    def __init__(self, d: int, stride: int = 1) -> None:
        self.conv = Conv((3, 3), d, d, relu, stride=stride, pad=1)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.conv(x)


print(Dense(6, 1)(A(3, out=6)(tf.randn(2, 3))).shape)
print(Dense(5, 1)(Bv(3, 7, 5)(tf.randn(2, 3))).shape)
print(Dense(3, 1)(Cc(3)(tf.randn(2, 3))).shape, Dense(2, 1)(Cc(3, 2)(tf.randn(2, 3))).shape)
print(Dense(16, 1)(Dd("l")(tf.randn(2, 4))).shape)
print(Dense(16, 1)(Ee(Size.LARGE)(tf.randn(2, 4))).shape)
print(Dense(6, 1)(Ff("wide", 3)(tf.randn(2, 3))).shape, Dense(3, 1)(Ff("n", 3)(tf.randn(2, 3))).shape)
print(Dense(9, 1)(Gg(3, {"out": 9})(tf.randn(2, 3))).shape)
print((Hh(4, 2)(tf.randn(1, 4, 8, 8)) + tf.zeros(1, 4, 4, 4)).shape)
print((Hh(4, stride=2)(tf.randn(1, 4, 7, 7)) + tf.zeros(1, 4, 4, 4)).shape)
print((Hh(4)(tf.randn(1, 4, 7, 7)) + tf.zeros(1, 4, 7, 7)).shape)
