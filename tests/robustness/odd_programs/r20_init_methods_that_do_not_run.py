"""a statement's own call of a method on self in __init__ whose body does NOT run there:
a generator method (calling it only makes a generator), an async method (only a coroutine), a
method replaced on the instance before the call, a method that raises after its write (caught).
The head is sized for what really runs. All correct; each runs."""
import typing
from typing import Iterator

import typedflux as tf
from typedflux import Dense, Tensor


class Gen:
    def __init__(self) -> None:
        self.width = 8
        self._widen()  # a generator: its body does not run
        self.head = Dense(self.width, 2)

    def _widen(self) -> Iterator[None]:
        self.width = 16
        yield

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


class Async:
    def __init__(self) -> None:
        self.width = 8
        coro = self._widen()  # a coroutine: its body does not run
        coro.close()
        self.head = Dense(self.width, 2)

    async def _widen(self) -> None:
        self.width = 16

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


class Replaced:
    def __init__(self) -> None:
        self.width = 8
        self._widen = lambda: None  # type: ignore[method-assign]
        self._widen()
        self.head = Dense(self.width, 2)

    def _widen(self) -> None:
        self.width = 16

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


class Raises:
    def __init__(self) -> None:
        self.width = 8
        try:
            self._widen()
        except ValueError:
            self.width = 4
        self.head = Dense(self.width, 2)

    def _widen(self) -> None:
        self.width = 16
        raise ValueError("no")

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


print(Gen()(tf.randn(2, 8)).shape)
print(Async()(tf.randn(2, 8)).shape)
print(Replaced()(tf.randn(2, 8)).shape)
print(Raises()(tf.randn(2, 4)).shape)
