"""Loop-grown names, comprehension boundaries, starred arguments, Final dims, tuples rebound."""
from typing import Final, List, Dict, Iterator, Tuple, TypeVar, Set, Sequence

import numpy as np
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D_MODEL: Final = 32
N_HEADS: Final = 4
HEAD: Final = D_MODEL // N_HEADS


def grow(x: Tensor[B, 4], k: int) -> Tensor[B, int]:
    g = x
    for _ in range(k):
        g = tf.cat(g, g, axis=1)
    return g


def grow_while(x: tf.Tensor) -> tf.Tensor:
    while x.shape[1] < 64:
        x = tf.cat(x, x, axis=1)
    return x


def heads(x: Tensor[B, D_MODEL]) -> List[Tensor[B, HEAD]]:
    return [x[:, i * HEAD:(i + 1) * HEAD] for i in range(N_HEADS)]


def heads_gen(x: Tensor[B, D_MODEL]) -> Iterator[Tensor[B, HEAD]]:
    yield from (h for h in tf.chunk(x, N_HEADS))


def by_name(x: Tensor[B, D_MODEL]) -> Dict[str, Tensor[B, D_MODEL]]:
    layers = {"a": Dense(D_MODEL, D_MODEL), "b": Dense(D_MODEL, D_MODEL, relu)}
    return {k: f(x) for k, f in layers.items()}


def apply_all(fs: Sequence[Dense[32, 32]], x: Tensor[B, 32]) -> List[Tensor[B, 32]]:
    outs: List[Tensor[B, 32]] = []
    for f in fs:
        outs.append(f(x))
    outs += [f(x) for f in fs]
    return outs


def merge(*xs: Tensor[B, 8]) -> Tensor[B, int]:
    return tf.cat(*xs, axis=1)


def pair(a: Tensor[B, 8], b: Tensor[B, 8]) -> Tensor[B, 16]:
    return tf.cat(a, b, axis=1)


x = tf.randn(3, 4)
print(grow(x, 3).shape, grow_while(x).shape)
h = tf.randn(5, D_MODEL)
parts = heads(h)
print(len(parts), parts[0].shape, [p.shape for p in heads_gen(h)])
print({k: v.shape for k, v in by_name(h).items()})
fs = [Dense(32, 32) for _ in range(3)]
print(len(apply_all(fs, tf.randn(2, 32))))
ab = (tf.randn(2, 8), tf.randn(2, 8))
print(merge(*ab).shape, pair(*ab).shape, merge(*[tf.randn(2, 8)] * 3).shape)
sizes = [s for s in (2, 3, 4)]
tensors = [tf.zeros(s, 8) for s in sizes]
print(tf.cat(*tensors, axis=0).shape)

# a tuple of tensors rebound to new shapes in a loop (allow_redefinition)
state = (tf.zeros(2, 8), tf.zeros(2, 8))
for step in range(3):
    a, b = state
    state = (tf.cat(a, b, axis=1)[:, :8], b + 1)
a, b = state
print(a.shape)

# numpy draws in tf.tensor
rng = np.random.default_rng(0)
noise = tf.tensor(rng.standard_normal((4, D_MODEL)))
ids = tf.tensor(rng.integers(0, 10, size=(4, 6)))
feat = tf.tensor(np.random.rand(4, D_MODEL).astype(np.float32))
print((noise + feat).shape, ids.shape)
proj = Dense(D_MODEL, 8)
print(proj(noise).shape, proj(tf.tensor(rng.random((2, D_MODEL)))).shape)
seen: Set[Tuple[int, ...]] = {x.shape for x in tensors}
print(sorted(seen))
walrus = [y for t in tensors if (y := t.sum(axis=1)).shape[0] > 2]
print(len(walrus))
