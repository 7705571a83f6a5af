"""Layers yielded by a generator and consumed by a Chain, a context manager around a forward
pass that records shapes, try/except/else/finally around a construction whose width depends on
a caught error, and a generator expression of constructions given to list()."""
import contextlib
from typing import Iterator, List, Tuple

import typedflux as tf
from typedflux import Chain, Dense, Tensor

seen: List[Tuple[int, ...]] = []


def stages(widths: List[int]) -> Iterator[Dense]:
    for a, b in zip(widths, widths[1:]):
        yield Dense(a, b)


@contextlib.contextmanager
def recording(x: Tensor) -> Iterator[Tensor]:
    seen.append(x.shape)
    try:
        yield x
    finally:
        seen.append((0,))


net = Chain(*stages([6, 4, 2]))
with recording(tf.randn(3, 6)) as inp:
    out = net(inp)
print(out.shape, seen)
try:
    width = int("x")
except ValueError:
    width = 5
else:
    width = 7
finally:
    seen.clear()
layer = Dense(width, 2)
print(layer(tf.randn(1, width)).shape)
blocks = list(Dense(w, w) for w in (1, 2, 3))
print([b(tf.randn(1, b.weight.shape[1])).shape for b in blocks])
