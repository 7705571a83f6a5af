"""Every boundary, right, in symbolic form: a generic dataclass and NamedTuple of tensors built
from layers, an overloaded function by rank, a returned tuple, generators and `yield from`,
async def and async generators, a generic class's __call__, a lambda in an annotated
Callable, annotated dicts, lists and Optional variables."""
import asyncio
import dataclasses
from dataclasses import dataclass, field
from typing import AsyncIterator, Callable, Dict, Generic, Iterator, List, NamedTuple, Optional, Tuple, TypedDict, TypeVar, overload

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@dataclass
class State(Generic[B]):
    h: Tensor[B, 16]
    c: Tensor[B, 16]


class Pair(NamedTuple, Generic[B]):
    h: Tensor[B, 16]
    c: Tensor[B, 16]


def mk(x: Tensor[B, 8]) -> State[B]:
    return State(Dense(8, 16)(x), Dense(8, 16)(x))


def mk2(x: Tensor[B, 8]) -> Pair[B]:
    return Pair(Dense(8, 16)(x), Dense(8, 16)(x))


@overload
def proj(x: Tensor[B, 8]) -> Tensor[B, 16]: ...
@overload
def proj(x: Tensor[B, N, 8]) -> Tensor[B, N, 16]: ...
def proj(x):  # type: ignore[no-untyped-def]
    return Dense(8, 16)(x)


def use(x: Tensor[B, 8]) -> Tuple[Tensor[B, 16], Tensor[B, 16]]:
    a = proj(x)
    s = mk(x)
    p = mk2(x)
    return a + s.h, p.c


def gen(x: Tensor[B, N, 8]) -> Iterator[Tensor[B, 16]]:
    for i in range(x.shape[1]):
        yield proj(x[:, i])


def gen2(x: Tensor[B, N, 8]) -> Iterator[Tensor[B, 16]]:
    yield from gen(x)


async def co(x: Tensor[B, 8]) -> Tensor[B, 16]:
    return proj(x)


async def ag(x: Tensor[B, 8]) -> AsyncIterator[Tensor[B, 16]]:
    yield proj(x)


class M(Generic[N]):
    def __init__(self, w: Tensor[N, 8]) -> None:
        self.w = w

    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, N]:
        return x @ self.w.T

    @classmethod
    def of(cls, n: int) -> "M[int]":
        return M(tf.zeros(n, 8))


fn: Callable[[Tensor[B, 8]], Tensor[B, 16]] = lambda x: proj(x)
d: Dict[str, Tensor[2, 16]] = {"a": proj(tf.zeros(2, 8))}
xs: List[Tensor[2, 16]] = [proj(tf.zeros(2, 8)) for _ in range(3)]
o: Optional[Tensor[2, 16]] = None
o = proj(tf.zeros(2, 8))
m = M(tf.zeros(4, 8))
r: Tensor[3, 4] = m(tf.zeros(3, 8))
print(use(tf.zeros(2, 8))[0].shape, list(gen2(tf.zeros(2, 3, 8)))[0].shape, asyncio.run(co(tf.zeros(2, 8))).shape, fn(tf.zeros(3, 8)).shape, r.shape)
