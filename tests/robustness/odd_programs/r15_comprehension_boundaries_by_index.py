"""Comprehensions at boundaries whose element's shape depends on the loop variable."""
from typing import Dict, Iterator, List, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


def prefixes(x: Tensor[B, 8]) -> List[Tensor[B, int]]:
    return [x[:, :i] for i in range(1, 4)]


def cond(x: Tensor[B, 8]) -> List[Tensor[B, 8]]:
    return [x if i else x * 2 for i in range(3)]


def byidx(x: Tensor[B, 8]) -> Dict[int, Tensor[B, 8]]:
    return {i: x for i in range(3)}


def windows(x: Tensor[B, 8]) -> Iterator[Tensor[B, 4]]:
    yield from (x[:, i:i + 4] for i in range(0, 8, 4))


def windows2(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
    return [x[:, i:i + 4] for i in (0, 4)]


def windows3(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
    return [x[:, 4 * i:4 * (i + 1)] for i in range(2)]


def windows4(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
    return [x[:, 4 * i:4 * i + 4] for i in range(2)]


def parts(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
    return [h for h in tf.split(x, (4, 4))]


def parts2(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
    return [*tf.chunk(x, 2)]


def parts3(x: Tensor[B, 8]) -> Tuple[Tensor[B, 4], ...]:
    return tuple(tf.chunk(x, 2))


def nested(xs: List[Tensor[B, 8]]) -> List[List[Tensor[B, 4]]]:
    return [[h for h in tf.chunk(x, 2)] for x in xs]


def layers_out(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
    return [Dense(8, 4)(x) for _ in range(2)] + [Dense(8, 4)(x)]


def with_filter(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
    return [h for i, h in enumerate(tf.chunk(x, 2)) if i > 0]


def last_dim(x: Tensor[B, 8]) -> List[Tensor[B]]:
    return [x[:, i] for i in range(8)]


x = tf.ones(3, 8)
print(len(prefixes(x)), len(cond(x)), len(byidx(x)), len(list(windows(x))), len(windows2(x)),
      len(windows3(x)), len(windows4(x)), len(parts(x)), len(parts2(x)), len(parts3(x)),
      len(nested([x, x])), len(layers_out(x)), len(with_filter(x)), len(last_dim(x)))
