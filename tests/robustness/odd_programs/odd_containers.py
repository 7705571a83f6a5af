"""Containers written in odd but valid ways: unpacked empties, generator expressions,
keyword dicts, lambdas with defaults, a recursive builder, named lambdas and NewType."""
from typing import Any, Dict, List, NewType

import typedflux as tf
from typedflux import Chain, Dense, Parallel, SkipConnection, Tensor, relu

Feat = NewType("Feat", Tensor)
double = lambda x, k=2: x * k  # noqa: E731
kw: Dict[str, Any] = {"activation": relu}
parts = {"enc": Dense(4, 8, **kw), "dec": Dense(8, 4)}


def tower(n: int) -> Chain:
    return Chain(Dense(4, 4)) if n <= 1 else Chain(tower(n - 1), Dense(4, 4))


def as_feat(x: Tensor) -> Feat:
    return Feat(x * 1.0)


empty: List[Dense[int, int]] = []
m1 = Chain(*empty, Dense(4, 4), *(Dense(4, 4) for _ in range(2)))
m2 = Chain(**parts)
m3 = Chain(Dense(4, 8), double, lambda h, *rest: h + 0.0, Dense(8, 4))
m4 = Chain(Dense(4, 4), *(layer for layer in [Dense(4, 4), Dense(4, 4)] if layer is not None))
m5 = SkipConnection(Chain(double, Dense(4, 4)), lambda mx, x, **_: mx + x)
m6 = Parallel(lambda *ys: tf.cat(*ys, axis=1), *(Dense(4, 2) for _ in range(3)))
m7 = Chain(*[Dense(4, 4) for _ in range(0)], tower(3), {"a": relu}["a"])
x = tf.randn(2, 4)
for m in (m1, m2, m3, m4, m5, m6, m7):
    print(m(x).shape)
print(Dense(4, 2)(as_feat(x)).shape)
