"""Lists declared with their items' shape, appended and inserted to with fitting tensors,
and accumulators rebound in loops of several kinds."""
from typing import Dict, List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Cache:
    def __init__(self) -> None:
        self.keys: List[Tensor[2, 4]] = []

    def push(self, k: Tensor[2, 4]) -> None:
        self.keys.append(k)
        self.keys.insert(0, k * 2)
        self.keys.extend([k, k])


def collect(xs: List[Tensor[B, 4]]) -> Tensor[B, 4]:
    kept: List[Tensor[B, 4]] = []
    for x in xs:
        kept.append(x)
    out = tf.zeros(1, 4)
    for i, x in enumerate(kept):
        out = out + x * i
    return out


def by_name(d: Dict[str, Tensor[B, 4]]) -> Tensor[B, 4]:
    total = tf.zeros(1, 4)
    for name, v in d.items():
        if name.startswith("_"):
            continue
        total += v
    return total


def nested(grid: List[List[Tensor[B, 4]]]) -> Tensor[B, 4]:
    acc = tf.zeros(1, 4)
    for row in grid:
        for v in row:
            acc = acc + v
    return acc


def projected(xs: List[Tensor[B, 4]]) -> Tensor[B, 8]:
    proj = Dense(4, 8)
    acc = tf.zeros(1, 8)
    for v in xs:
        acc = acc + proj(v)
    return acc


loose: List[Tensor] = []
loose.append(tf.zeros(3))
loose.append(tf.zeros(2, 2))
c = Cache()
c.push(tf.ones(2, 4))
x3 = [tf.ones(3, 4), tf.ones(3, 4)]
print(collect(x3).shape, by_name({"a": tf.ones(3, 4), "_b": tf.ones(3, 4)}).shape)
print(nested([x3, x3]).shape, projected(x3).shape, len(c.keys), len(loose))
