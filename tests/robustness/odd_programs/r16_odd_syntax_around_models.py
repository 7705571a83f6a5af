"""Attack-side odd syntax around models: all correct and running."""
import asyncio
import functools
from abc import ABCMeta
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, List, Optional

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu


def logged(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*a: Any, **k: Any) -> Any:
        return fn(*a, **k)
    return wrapper


class Decorated:
    def __init__(self) -> None:
        self.fc = Dense(6, 3)

    @logged
    def __call__(self, x):
        return self.fc(x)


class WithProperty:
    def __init__(self) -> None:
        self._head = Dense(8, 2)
        self.body = Dense(4, 8, relu)

    @property
    def head(self) -> Dense:
        return self._head

    def __call__(self, x):
        return self.head(self.body(x))


class Built:
    def __init__(self, body: Chain) -> None:
        self.body = body

    @classmethod
    def small(cls) -> "Built":
        return cls(Chain(Dense(5, 7, relu), Dense(7, 1)))

    @staticmethod
    def wide() -> "Built":
        return Built(Chain(Dense(5, 64, relu), Dense(64, 1)))

    def __call__(self, x):
        return self.body(x)


def make_mlp(d_in: int, d_out: int):
    def block(d: int):
        return Chain(Dense(d, d, relu), LayerNorm(d))
    return Chain(Dense(d_in, 16), block(16), block(16), Dense(16, d_out))


class Meta(ABCMeta):
    registry: ClassVar[List[type]] = []

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.registry.append(cls)
        return cls


class Registered(metaclass=Meta):
    def __init__(self) -> None:
        self.fc = Dense(3, 3)

    def __call__(self, x):
        return self.fc(x) + x


class Slotted:
    __slots__ = ("fc", "ln")

    def __init__(self) -> None:
        self.fc = Dense(10, 10)
        self.ln = LayerNorm(10)

    def __call__(self, x):
        return self.ln(self.fc(x))


@dataclass(frozen=True)
class FrozenCfg:
    d: int = 12
    h: int = 24


class UsesFrozen:
    def __init__(self, cfg: FrozenCfg) -> None:
        self.up = Dense(cfg.d, cfg.h, relu)
        self.down = Dense(cfg.h, cfg.d)

    def __call__(self, x):
        return x + self.down(self.up(x))


part = functools.partial(Dense, activation=relu)
pl = part(9, 4)


def tree(depth: int, d: int):
    if depth == 0:
        return Dense(d, d)
    return Chain(tree(depth - 1, d), relu, tree(depth - 1, d))


def act(x, kind: str):
    match kind:
        case "relu":
            return relu(x)
        case "neg":
            return -x
        case _:
            return x


async def infer(m, x):
    await asyncio.sleep(0)
    return m(x)


class Recursive:
    def __init__(self, n: int) -> None:
        self.fc = Dense(4, 4)
        self.child: Optional[Recursive] = Recursive(n - 1) if n > 0 else None

    def __call__(self, x):
        y = self.fc(x)
        return y if self.child is None else self.child(y)


print(Decorated()(tf.randn(2, 6)).shape, WithProperty()(tf.randn(2, 4)).shape)
print(Built.small()(tf.randn(3, 5)).shape, Built.wide()(tf.randn(3, 5)).shape)
print(make_mlp(3, 2)(tf.randn(4, 3)).shape, Registered()(tf.randn(1, 3)).shape, Slotted()(tf.randn(2, 10)).shape)
print(UsesFrozen(FrozenCfg())(tf.randn(2, 12)).shape, pl(tf.randn(2, 9)).shape, tree(3, 5)(tf.randn(2, 5)).shape)
print(act(tf.randn(2, 2), "relu").shape, asyncio.run(infer(Dense(2, 7), tf.randn(3, 2))).shape)
print(Recursive(3)(tf.randn(2, 4)).shape)
BIG = tf.zeros(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2)
print(BIG.reshape(2).shape, tf.zeros(4096, 1).reshape(64, 64).shape)
deep = Chain(*[Dense(4, 4) for _ in range(200)])
print(deep(tf.randn(1, 4)).shape)
nested = Chain(Chain(Chain(Chain(Chain(Chain(Chain(Chain(Dense(3, 3)))))))))
print(nested(tf.randn(2, 3)).shape)
