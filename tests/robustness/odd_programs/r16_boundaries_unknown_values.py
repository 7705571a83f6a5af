"""Boundaries with unknown / Any / broadcastable values: nothing provable, all must be silent."""
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, TypeVar, Union, overload

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


@overload
def lift(x: Tensor[B, 4]) -> Tensor[B, 8]: ...
@overload
def lift(x: Tensor[B, T, 4]) -> Tensor[B, T, 8]: ...
def lift(x: Tensor) -> Tensor:
    return tf.cat(x, x, axis=-1)


def load() -> Tensor:
    return tf.tensor(np.zeros((3, 5, 4), dtype=np.float32))


def load_any() -> Any:
    return tf.zeros(3, 5, 4)


raw = load()
a1: Tensor[3, 5, 8] = lift(raw)
a2: Tensor[3, 5, 8] = lift(load_any())
a3: Tensor[Any, Any, 8] = lift(tf.zeros(3, 5, 4))
a4: Tensor[int, 8] = lift(tf.zeros(2, 4))
u: Union[Tensor[3, 4], Tensor[3, 5, 4]] = tf.zeros(3, 4)
print(a1.shape, a2.shape, a3.shape, a4.shape)

fc = Dense(4, 4)
f1: Callable[[Tensor[B, 4]], Tensor[B, 4]] = lambda t: fc(t)
f2: Callable[[Tensor[B, 4]], Tensor[B, 4]] = lambda t: t + tf.zeros(4)
f3: Callable[[Tensor[B, 4]], Tensor[B, 4]] = lambda t: t * tf.ones(1, 4)
f4: Callable[[Tensor[B, 4]], Tuple[Tensor[B, 4], Tensor[B, 1]]] = lambda t: (t, t.sum(axis=-1, keepdims=True))
f5: Callable[..., Tensor[B, 4]] = lambda *ts: ts[0]
f6: Callable[[Tensor[B, 4]], Optional[Tensor[B, 4]]] = lambda t: None if t.shape[0] == 0 else t
f7: Callable[[Tensor[Any, 4]], Tensor[Any, 4]] = lambda t: t[1:]
f8: Callable[[Tensor], Tensor[2, 4]] = lambda t: t.reshape(2, 4)
table: Dict[str, Callable[[Tensor[B, 4]], Tensor[B, 4]]] = {"id": lambda t: t, "neg": lambda t: -t, "fc": fc}
print(f1(tf.zeros(3, 4)).shape, f2(tf.zeros(3, 4)).shape, f3(tf.zeros(2, 4)).shape, f4(tf.zeros(2, 4))[1].shape,
      f5(tf.zeros(2, 4)).shape, f6(tf.zeros(2, 4)) is None, f7(tf.zeros(5, 4)).shape, f8(tf.zeros(8)).shape, len(table))


def gen(n: int) -> Iterator[Callable[[Tensor[B, 4]], Tensor[B, 4]]]:
    for k in range(n):
        yield lambda t: t * 2


def walk(hs: List[Tensor[B, 4]], x: Tensor[B, 4]) -> Tensor[B, 4]:
    h: Tensor[B, 4] = x
    for h in hs:
        x = x + h
    while (h := h * 0.5).sum().item() > 1.0:
        pass
    return x + h


def walk_any(hs: List[Tensor], x: Tensor[int, 4]) -> Tensor[int, 4]:
    h: Tensor[int, 4] = x
    for h in hs:
        x = x + h
    if (h := tf.zeros(2, 4)) is not None:
        x = x * 1
    return x


def pairs(xs: List[Tensor[B, 4]], ys: List[Tensor[B, 1]]) -> Tensor[B, 4]:
    a: Tensor[B, 4]
    b: Tensor[B, 1]
    total = xs[0] * 0
    for i, (a, b) in enumerate(zip(xs, ys)):
        total = total + a * b
    return total


print(len(list(gen(3))), walk([tf.ones(2, 4)] * 3, tf.ones(2, 4)).shape, walk_any([tf.ones(2, 4)], tf.ones(2, 4)).shape)
print(pairs([tf.ones(2, 4)] * 2, [tf.ones(2, 1)] * 2).shape)
