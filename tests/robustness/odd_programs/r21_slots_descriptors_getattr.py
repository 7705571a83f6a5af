"""Layers held in __slots__ classes, read through a descriptor's __get__, and forwarded by
__getattr__ from a wrapper to the wrapped model; a layer swapped through setattr with a name."""
from typing import Any, Optional

import typedflux as tf
from typedflux import Dense, Tensor


class Slotted:
    __slots__ = ("fc", "out")

    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        self.out = Dense(d, 1)

    def __call__(self, x: Tensor) -> Tensor:
        return self.out(self.fc(x))


class LazyLayer:
    def __init__(self, d: int) -> None:
        self.d = d
        self.layer: Optional[Dense] = None

    def __get__(self, obj: Any, owner: Any) -> Dense:
        if self.layer is None:
            self.layer = Dense(self.d, self.d)
        return self.layer


class Holder:
    proj = LazyLayer(6)

    def __call__(self, x: Tensor) -> Tensor:
        return self.proj(x)


class Wrapper:
    def __init__(self, inner: Slotted) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


s = Slotted(3)
print(s(tf.randn(2, 3)).shape, Holder()(tf.randn(1, 6)).shape)
w = Wrapper(Slotted(5))
print(w.fc(tf.randn(1, 5)).shape)
setattr(s, "out", Dense(3, 4))
print(s(tf.randn(2, 3)).shape)
