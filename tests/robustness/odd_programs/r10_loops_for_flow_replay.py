"""Module-level loops over user blocks with extra arguments, a U-Net's skip stack, enumerate over
self.layers with branches, helpers returning dicts of heads: all correct, for flow's loop replay."""
from typing import Dict, List

import typedflux as tf
from typedflux import Conv, ConvTranspose, Dense, MaxPool, relu


class ResBlock:
    def __init__(self, c: int, t_dim: int) -> None:
        self.conv = Conv((3, 3), c, c, pad=1)
        self.t = Dense(t_dim, c)

    def __call__(self, x: tf.Tensor, t: tf.Tensor) -> tf.Tensor:
        return x + relu(self.conv(x) + self.t(t)[:, :, None, None])


blocks = [ResBlock(8, 16) for _ in range(3)]
x = tf.randn(2, 8, 8, 8)
temb = tf.randn(2, 16)
for blk in blocks:
    x = blk(x, temb)
print(x.shape)

downs = [Conv((3, 3), 3, 8, pad=1), Conv((3, 3), 8, 16, pad=1)]
ups = [ConvTranspose((2, 2), 16, 16, stride=2), ConvTranspose((2, 2), 32, 8, stride=2)]
fuse = Conv((3, 3), 16, 4, pad=1)
h = tf.randn(1, 3, 16, 16)
skips = []
for d in downs:
    h = relu(d(h))
    skips.append(h)
    h = MaxPool((2, 2))(h)
for u in ups:
    h = u(h)
    h = tf.cat(h, skips.pop(), axis=1)
print(fuse(h).shape)


class Tagged:
    def __init__(self, widths: List[int]) -> None:
        self.layers = [Dense(a, b) for a, b in zip(widths, widths[1:])]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i + 1 < len(self.layers):
                x = relu(x)
        return x


print(Tagged([4, 8, 2])(tf.randn(3, 4)).shape)


def make_heads(w: int) -> Dict[str, Dense]:
    return {"age": Dense(w, 1), "gender": Dense(w, 2), "race": Dense(w, 5)}


heads = make_heads(64)
feat = tf.randn(4, 64)
print(heads["gender"](feat).shape, {k: h(feat).shape for k, h in heads.items()})
heads["race"] = Dense(64, 7)
print(Dense(7, 1)(heads["race"](feat)).shape)
