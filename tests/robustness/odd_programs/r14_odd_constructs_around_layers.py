"""Odd Python around layers: a walrus in an if, Chain(**dict comprehension), a generator of
layers, match on x.shape, try/except/finally, with, del, recursion through a layer, a TypeAlias
of a shape, TypeVarTuple *args, an async comprehension, a metaclass and a class decorator on
layer classes, a lambda with a default in a Chain, Tensor[()], a Chain from a lambda."""
import asyncio
from typing import Any, Callable, Dict, Iterator, List, TypeAlias, TypeVar, Unpack, TypeVarTuple

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

Ts = TypeVarTuple("Ts")
B = TypeVar("B", bound=int)
Vec: TypeAlias = Tensor[B, 16]

if (n := 16) > 0:
    m = Chain(Dense(8, n), LayerNorm(n))

layers = {f"l{i}": Dense(16, 16) for i in range(3)}
net = Chain(**layers)
seq = Chain(*(Dense(16, 16, relu) for _ in range(3)))
x = tf.zeros(2, 16)
match x.shape:
    case (2, k):
        y = seq(x)
    case _:
        y = x

try:
    z = net(x)
except tf.ShapeError as err:
    z = x
finally:
    pass

with open(__file__) as fh:
    w = m(tf.zeros(2, 8))

del w


def rec(x: Tensor[B, 16], d: int) -> Tensor[B, 16]:
    return x if d == 0 else rec(Dense(16, 16)(x), d - 1)


def layer_gen() -> Iterator[Dense[16, 16]]:
    while True:
        yield Dense(16, 16)


gen = layer_gen()
c2 = Chain(next(gen), next(gen))


def v(x: Vec[B]) -> Vec[B]:
    return x


def star(*xs: Unpack[Ts]) -> None:
    pass


async def agen() -> List[Tensor[2, 16]]:
    return [seq(x) async for x in aiter_()]


async def aiter_():  # type: ignore[no-untyped-def]
    yield tf.zeros(2, 16)


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        return x


def deco(cls: Any) -> Any:
    return cls


@deco
class Decorated:
    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        return x


c3 = Chain(WithMeta(), Decorated(), lambda t, k=2: t * k, Dense(16, 4))
o = c3(x)
e = Tensor[()]
f: Tensor[()] = x.sum()
g = [Chain(Dense(16, 16)) for _ in range(2)][0](x)
h = (lambda: Chain(Dense(16, 2)))()(x)
print(rec(x, 3).shape, v(x).shape, o.shape, g.shape, h.shape, asyncio.run(agen())[0].shape, c2(x).shape)
