"""flow_every: held layers that look incompatible but something between changes the width."""
from typing import Callable, Optional

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Dropout, LayerNorm, Parallel, SkipConnection, Tensor, relu


def widen(x):
    return tf.cat(x, x[..., :6], axis=-1)


def load(*shape: int) -> Tensor:
    return tf.tensor(np.zeros(shape, dtype=np.float32))


class ViaFunction:
    def __init__(self) -> None:
        self.ln_f = LayerNorm(24)
        self.head = Dense(30, 30)

    def __call__(self, x):
        return self.head(widen(self.ln_f(x)))


class ViaMethod:
    def __init__(self) -> None:
        self.ln_f = LayerNorm(24)
        self.head = Dense(30, 30)

    def pad6(self, h):
        return tf.pad(h, ((0, 0), (0, 6)))

    def __call__(self, x):
        return self.head(self.pad6(self.ln_f(x)))


class ViaParallel:
    def __init__(self) -> None:
        self.ln_f = LayerNorm(24)
        self.both = Parallel(lambda a, b: tf.cat(a, b, axis=-1), Dense(24, 20), Dense(24, 10))
        self.head = Dense(30, 30)

    def __call__(self, x):
        return self.head(self.both(self.ln_f(x)))


class ViaAttrFn:
    def __init__(self, fn: Callable[[Tensor], Tensor]) -> None:
        self.ln_f = LayerNorm(24)
        self.fn = fn
        self.head = Dense(30, 30)

    def __call__(self, x):
        return self.head(self.fn(self.ln_f(x)))


class ViaOptional:
    def __init__(self, proj: Optional[Dense] = None) -> None:
        self.ln_f = LayerNorm(24)
        self.proj = proj
        self.head = Dense(30, 30)

    def __call__(self, x):
        h = self.ln_f(x)
        if self.proj is not None:
            h = self.proj(h)
        return self.head(h)


class ViaList:
    def __init__(self) -> None:
        self.ln_f = LayerNorm(24)
        self.stages = [Dense(24, 30), Dropout(0.1)]
        self.head = Dense(30, 30)

    def __call__(self, x):
        h = self.ln_f(x)
        for s in self.stages:
            h = s(h)
        return self.head(h)


class ViaDict:
    def __init__(self) -> None:
        self.ln_f = LayerNorm(24)
        self.mods = {"proj": Dense(24, 30)}
        self.head = Dense(30, 30)

    def __call__(self, x):
        return self.head(self.mods["proj"](self.ln_f(x)))


class ViaNumpy:
    def __init__(self) -> None:
        self.ln_f = LayerNorm(24)
        self.head = Dense(30, 30)

    def __call__(self, x):
        h = self.ln_f(x).numpy()
        h = np.concatenate([h, h[..., :6]], axis=-1)
        return self.head(tf.tensor(h))


class ViaSkipWiden:
    def __init__(self) -> None:
        self.ln_f = LayerNorm(24)
        self.up = SkipConnection(Dense(24, 6), lambda mx, x: tf.cat(mx, x, axis=-1))
        self.head = Dense(30, 30)

    def __call__(self, x):
        return self.head(self.up(self.ln_f(x)))


x = load(2, 24)
print(ViaFunction()(x).shape, ViaMethod()(x).shape, ViaParallel()(x).shape)
print(ViaAttrFn(widen)(x).shape, ViaOptional(Dense(24, 30))(x).shape, ViaList()(x).shape)
print(ViaDict()(x).shape, ViaNumpy()(x).shape, ViaSkipWiden()(x).shape)
