"""Optional layer without annotation; sizes from Final constants and an enum."""
import enum
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
D_IN: Final = 8
D_HID: Final = 8
N_OUT: Final = 3


class Size(enum.IntEnum):
    SMALL = 4
    LARGE = 16


class Residual:
    def __init__(self, a: int, b: int) -> None:
        self.fc = Dense(a, b, relu)
        self.proj = None if a == b else Dense(a, b)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        skip = x if self.proj is None else self.proj(x)
        return self.fc(x) + skip


r1 = Residual(D_IN, D_HID)
r2 = Residual(D_HID, 12)
y = r2(r1(tf.randn(5, D_IN)))
head = Dense(12, N_OUT)


def predict(x: Tensor[B, D_IN]) -> Tensor[B, N_OUT]:
    return head(r2(r1(x)))


print(predict(tf.randn(2, D_IN)).shape)
emb = Dense(int(Size.SMALL), int(Size.LARGE))
print(emb(tf.randn(2, Size.SMALL)).shape)
small = Dense(Size.SMALL, Size.LARGE)
print(small(tf.randn(3, 4)).shape)
