"""Boundaries landed last session, written correctly in many forms (symbolic and concrete)."""
import functools
from dataclasses import dataclass, field
from typing import (Callable, Dict, FrozenSet, Iterator, List, Optional, Sequence, Set, Tuple,
                    TypedDict, TypeVar, overload)

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

Act = Callable[[Tensor[B, 4]], Tensor[B, 4]]


def make_act() -> Callable[[Tensor[B, 4]], Tensor[B, 4]]:
    return lambda t: t * 2


def make_proj() -> Callable[[Tensor[B, 4]], Tensor[B, 8]]:
    return lambda t: tf.cat(t, t, axis=-1)


def make_pair() -> Tuple[Callable[[Tensor[B, 4]], Tensor[B, 4]], Callable[[Tensor[B, 4]], Tensor[B, 1]]]:
    return (lambda t: -t, lambda t: t.sum(axis=-1, keepdims=True))


def apply(f: Callable[[Tensor[B, 4]], Tensor[B, 4]], x: Tensor[B, 4]) -> Tensor[B, 4]:
    return f(x)


def gen_acts() -> Iterator[Callable[[Tensor[B, 4]], Tensor[B, 4]]]:
    yield lambda t: t + 1
    yield lambda t: t.clamp(0.0, 1.0)


@dataclass
class Holder:
    fn: Callable[[Tensor[B, 4]], Tensor[B, 4]] = field(default=lambda t: t * 3)
    xs: List[Tensor[2, 4]] = field(default_factory=lambda: [tf.zeros(2, 4), tf.ones(2, 4)])
    table: Dict[str, Callable[[Tensor[B, 4]], Tensor[B, 4]]] = field(default_factory=dict)


xs: List[Tensor[2, 4]] = [tf.zeros(2, 4) for _ in range(3)]
doubled: List[Tensor[2, 4]] = list(map(lambda t: t * 2, xs))
total: Tensor[2, 4] = functools.reduce(lambda a, b: a + b, xs)
tup: Tuple[Tensor[2, 4], ...] = tuple(x + 1 for x in xs)
tup2: Tuple[Tensor[2, 4], ...] = tuple([x * 2 for x in xs])
lst: List[Tensor[2, 4]] = list(x for x in xs)
st: Set[int] = set(x.shape[0] for x in xs)
fst: FrozenSet[Tuple[int, ...]] = frozenset(x.shape for x in xs)
shp: Tuple[int, ...] = tuple(xs[0].shape)
shp2: List[int] = list(xs[0].shape)
rng: Tuple[int, ...] = tuple(range(4))
ys: List[Tensor[2, 4]] = []
ys += [xs[0], xs[1] * 2]
ys += (x for x in xs)
ys.extend(tf.zeros(2, 4) for _ in range(2))
pairs: List[Tuple[Tensor[2, 4], Tensor[2, 1]]] = list(zip(xs, [x.sum(axis=-1, keepdims=True) for x in xs]))
sorted_xs: List[Tensor[2, 4]] = sorted(xs, key=lambda t: float(t.sum().item()))
best: Tensor[2, 4] = max(xs, key=lambda t: float(t.mean().item()))
h = Holder()
h.table["dbl"] = lambda t: t * 2
out: Tensor[2, 4] = h.table["dbl"](xs[0])
out2: Tensor[2, 4] = h.fn(xs[0])
print(apply(make_act(), tf.zeros(3, 4)).shape, make_proj()(tf.zeros(3, 4)).shape)
print([f(tf.zeros(1, 4)).shape for f in gen_acts()], make_pair()[1](tf.zeros(5, 4)).shape)
print(len(doubled), total.shape, len(tup), len(tup2), len(lst), st, fst, shp, shp2, rng, len(ys), len(pairs), len(sorted_xs), best.shape, out.shape, out2.shape)

# walrus / for / with targets of declared names
acc: Tensor[2, 4]
for acc in xs:
    pass
if (big := xs[0] * 10).shape[0] == 2:
    print(big.shape)
cur: Tensor[2, 4] = tf.zeros(2, 4)
while (cur := cur + 1).sum().item() < 20:
    pass
vals = [y for x in xs if (y := x * 2) is not None]


class Ctx:
    def __enter__(self) -> Tensor[2, 4]:
        return tf.zeros(2, 4)

    def __exit__(self, *a: object) -> None:
        return None


held: Tensor[2, 4]
with Ctx() as held:
    print(held.shape)
k: int
for k in range(3):
    pass
i: int
t8: Tensor[2, 4]
for i, t8 in enumerate(xs):
    pass
print(cur.shape, len(vals))


# overloads chosen by the annotation context
@overload
def lift(x: Tensor[B, 4]) -> Tensor[B, 8]: ...
@overload
def lift(x: Tensor[B, T, 4]) -> Tensor[B, T, 8]: ...
def lift(x: Tensor) -> Tensor:
    return tf.cat(x, x, axis=-1)


a2: Tensor[3, 8] = lift(tf.zeros(3, 4))
a3: Tensor[3, 5, 8] = lift(tf.zeros(3, 5, 4))


def lifted(x: Tensor[B, T, 4]) -> Tensor[B, T, 8]:
    return lift(x)


def lifted2(x: Tensor[B, 4]) -> Tensor[B, 8]:
    y = lift(x)
    return y


@overload
def scale(x: Tensor[B, 4], k: int) -> Tensor[B, 4]: ...
@overload
def scale(x: Tensor[B, 4], k: Tensor[B, 1]) -> Tensor[B, 4]: ...
def scale(x: Tensor, k: object) -> Tensor:
    return x * (k if isinstance(k, Tensor) else float(k))  # type: ignore[arg-type]


s1: Tensor[2, 4] = scale(tf.zeros(2, 4), 3)
s2: Tensor[2, 4] = scale(tf.zeros(2, 4), tf.ones(2, 1))
print(a2.shape, a3.shape, lifted(tf.zeros(1, 2, 4)).shape, lifted2(tf.zeros(6, 4)).shape, s1.shape, s2.shape)


# TypedDict calls
class State(TypedDict):
    h: Tensor[2, 16]
    c: Tensor[2, 16]
    step: int


class Partial(TypedDict, total=False):
    h: Tensor[2, 16]


st1 = State(h=tf.zeros(2, 16), c=tf.ones(2, 16), step=0)
st2: State = {"h": tf.zeros(2, 16), "c": tf.zeros(2, 16), "step": 1}
st3 = State(**st2)
pt = Partial()
pt2 = Partial(h=st1["h"] * 2)
st4 = State(**st1)
print(st1["h"].shape, st3["c"].shape, len(pt), pt2["h"].shape, st4["step"])
