"""Odd but legal code around shaped values: walrus, match on shapes, star targets, nested defs and
classes, class decorators, __slots__, metaclasses, async defs, unicode names, TYPE_CHECKING."""
import asyncio
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Final, List, Tuple, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

if TYPE_CHECKING:
    from typedflux import Conv

B = TypeVar("B", bound=int)
ÉCHELLE: Final = 8
größe = 16


def register(cls: type) -> type:
    REGISTRY.append(cls.__name__)
    return cls


REGISTRY: List[str] = []


class Meta(type):
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return super().__call__(*args, **kwargs)


class Slotted:
    __slots__ = ("fc", "norm")

    def __init__(self) -> None:
        self.fc = Dense(ÉCHELLE, ÉCHELLE)
        self.norm = LayerNorm(ÉCHELLE)

    def __call__(self, x: Tensor[B, ÉCHELLE]) -> Tensor[B, ÉCHELLE]:
        return self.norm(self.fc(x))


@register
class Decorated:
    def __init__(self) -> None:
        self.fc = Dense(größe, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class WithMeta(metaclass=Meta):
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Unannotated(Dense):
    def __call__(self, x):
        return super().__call__(x) * 2


def outer(d: int) -> Any:
    class Inner:
        def __init__(self) -> None:
            self.fc = Dense(d, d)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            def helper(y: tf.Tensor) -> tf.Tensor:
                def deeper(z: tf.Tensor) -> tf.Tensor:
                    return relu(self.fc(z))
                return deeper(y)
            return helper(x)
    return Inner()


async def infer(x: Tensor[B, ÉCHELLE]) -> Tensor[B, ÉCHELLE]:
    await asyncio.sleep(0)
    return Slotted()(x)


def shapes(x: tf.Tensor) -> str:
    match x.shape:
        case (b, 8):
            return f"matrix {b}"
        case (b, t, 8) if t > 1:
            return "seq"
        case (*rest, last):
            return f"other {last}"
        case _:
            return "?"


def star(x: Tensor[B, 4, 6]) -> Tuple[int, List[int]]:
    first, *rest = x.shape
    *init, tail = tf.split(x, (2, 2, 2))
    return first + tail.shape[-1], rest


x = tf.randn(3, ÉCHELLE)
if (n := x.shape[0]) > 2:
    y = Slotted()(x)
print(n, y.shape, Decorated()(tf.randn(2, größe)).shape, WithMeta(5)(tf.randn(1, 5)).shape)
print(Unannotated(8, 3)(x).shape, outer(8)(x).shape, asyncio.run(infer(x)).shape)
print(shapes(x), shapes(tf.randn(2, 3, 8)), shapes(tf.randn(5)), star(tf.randn(2, 4, 6)), REGISTRY)
λ = Chain(*[Dense(8, 8, relu) for _ in range(40)], Dense(8, 2))
print(λ(x).shape)
deep = Chain(Chain(Chain(Chain(Chain(Chain(Chain(Chain(Dense(8, 8))))))), LayerNorm(8)), Dense(8, 1))
print(deep(x).shape)
long = Chain(Dense(8, 9), Dense(9, 10), Dense(10, 11), Dense(11, 12), Dense(12, 13), Dense(13, 14),
             Dense(14, 15), Dense(15, 16), Dense(16, 17), Dense(17, 18), Dense(18, 19), Dense(19, 20),
             Dense(20, 21), Dense(21, 22), Dense(22, 23), Dense(23, 24), Dense(24, 25), Dense(25, 26),
             Dense(26, 27), Dense(27, 28), Dense(28, 29), Dense(29, 30), Dense(30, 31), Dense(31, 32),
             Dense(32, 33), Dense(33, 34), Dense(34, 35), Dense(35, 36), Dense(36, 37), Dense(37, 38))
print(long(x).shape)
