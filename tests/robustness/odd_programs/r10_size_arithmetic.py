"""Sizes computed with **, <<, max, min, ceil division, math."""
import math

import typedflux as tf
from typedflux import Conv, Dense, Chain, relu

IMG = 32
PATCH = 4
N_PATCHES = (IMG // PATCH) ** 2
D = 16
HID = int(D * 4)
HID2 = round(D * 2.5)
CEIL = -(-10 // 3)
BIG = max(D, 24)
SMALL = min(D, 24)
SHIFT = 1 << 3
SQ = int(math.sqrt(64))
PROD = math.prod((2, 3, 4))
DM = divmod(17, 5)[0]
ABS = abs(-6)

patches = tf.randn(2, N_PATCHES, PATCH * PATCH * 3)
emb = Dense(PATCH * PATCH * 3, D)(patches)
cls = tf.zeros(2, 1, D)
pos = tf.randn(1, N_PATCHES + 1, D)
h = tf.cat(cls, emb, axis=1) + pos
print(h.shape)
print(Dense(D, HID)(h).shape, Dense(HID2, 1)(tf.randn(1, 40)).shape, Dense(CEIL, 1)(tf.randn(1, 4)).shape)
print(Dense(BIG, SMALL)(tf.randn(1, 24)).shape, Dense(SHIFT, 1)(tf.randn(1, 8)).shape, Dense(SQ, 1)(tf.randn(1, 8)).shape)
print(Dense(PROD, 1)(tf.randn(1, 24)).shape, Dense(DM, 1)(tf.randn(1, 3)).shape, Dense(ABS, 1)(tf.randn(1, 6)).shape)

base = 4
layers = []
cin = 3
for i in range(3):
    cout = base * 2 ** i
    layers.append(Conv((3, 3), cin, cout, relu, pad=1))
    cin = cout
net = Chain(*layers)
print(net(tf.randn(1, 3, 8, 8)).shape, Dense(16, 1)(net(tf.randn(1, 3, 8, 8)).mean(axis=(2, 3))).shape)


class Unet:
    def __init__(self, base: int, depth: int) -> None:
        self.downs = [Conv((3, 3), base * 2 ** i if i else 3, base * 2 ** (i + 1), pad=1) for i in range(depth)]
        self.out_ch = base * 2 ** depth

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for d in self.downs:
            x = d(x)
        return x


u = Unet(4, 3)
print(Dense(32, 1)(u(tf.randn(1, 3, 4, 4)).mean(axis=(2, 3))).shape)
print(Dense(u.out_ch, 1)(u(tf.randn(1, 3, 4, 4)).mean(axis=(2, 3))).shape)
x = tf.randn(2, 10)
half = x.shape[1] // 2
print(Dense(half, 1)(x[:, :half]).shape, Dense(x.shape[1] - half, 1)(x[:, half:]).shape)
print(Dense(x.shape[-1] * 2, 1)(tf.cat(x, x, axis=1)).shape)
