"""Layers built from lists of sizes (a pyramid), looped over in bodies; blocks of varying width."""
from dataclasses import dataclass, field
from typing import List, Optional, Sequence

import typedflux as tf
from typedflux import BatchNorm, Conv, Dense, LayerNorm, relu, MaxPool


class MLP:
    def __init__(self, sizes: Sequence[int]) -> None:
        self.layers = [Dense(a, b, relu) for a, b in zip(sizes[:-1], sizes[1:])]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for layer in self.layers:
            x = layer(x)
        return x


class Stage:
    def __init__(self, cin: int, cout: int) -> None:
        self.conv = Conv((3, 3), cin, cout, pad=1)
        self.bn = BatchNorm(cout)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return relu(self.bn(self.conv(x)))


class Pyramid:
    def __init__(self, widths: List[int]) -> None:
        self.stages = [Stage(widths[i], widths[i + 1]) for i in range(len(widths) - 1)]
        self.pool = MaxPool((2, 2))

    def __call__(self, x: tf.Tensor) -> List[tf.Tensor]:
        feats = []
        for st in self.stages:
            x = self.pool(st(x))
            feats.append(x)
        return feats


@dataclass
class Cfg:
    dims: List[int] = field(default_factory=lambda: [3, 8, 16, 32])


class Unet:
    def __init__(self, cfg: Cfg) -> None:
        d = cfg.dims
        self.down = [Stage(d[i], d[i + 1]) for i in range(len(d) - 1)]
        self.up = [Stage(d[i + 1] * 2 if i + 1 < len(d) - 1 else d[i + 1], d[i]) for i in reversed(range(1, len(d) - 1))]
        self.pool = MaxPool((2, 2))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        skips = []
        for st in self.down:
            x = st(x)
            skips.append(x)
            x = self.pool(x)
        return x


class Widening:
    def __init__(self) -> None:
        self.blocks = []
        w = 4
        for _ in range(3):
            self.blocks.append(Dense(w, 2 * w))
            w *= 2

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for b in self.blocks:
            x = b(x)
        return x


print(MLP([4, 8, 16, 2])(tf.ones(3, 4)).shape)
print([f.shape for f in Pyramid([3, 8, 16])(tf.ones(1, 3, 16, 16))])
print(Unet(Cfg())(tf.ones(1, 3, 16, 16)).shape)
print(Widening()(tf.ones(2, 4)).shape)
sizes = [6, 5, 4]
mlp = [Dense(a, b) for a, b in zip([7] + sizes, sizes)]
h = tf.ones(2, 7)
for l in mlp:
    h = l(h)
print(h.shape)
