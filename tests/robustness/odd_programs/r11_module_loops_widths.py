"""Module-level loops over blocks whose widths change, lists rebuilt, helpers returning dicts of heads."""
from typing import Dict, List

import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, MaxPool, relu


class Block:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)
        self.norm = LayerNorm(cout)

    def __call__(self, x: tf.Tensor, scale: float = 1.0) -> tf.Tensor:
        return self.norm(self.fc(x)) * scale


widths = [8, 16, 32, 16]
blocks = [Block(a, b) for a, b in zip(widths, widths[1:])]
x = tf.randn(2, 8)
for i, blk in enumerate(blocks):
    x = blk(x, 0.5 if i % 2 else 1.0)
print(x.shape)

blocks2 = [Block(8, 8)]
blocks2.append(Block(8, 4))
h = tf.randn(3, 8)
for blk in blocks2:
    h = blk(h)
print(h.shape)

stages = []
ch = 3
for out in (4, 8):
    stages.append(Chain(Conv((3, 3), ch, out, relu, pad=1), MaxPool((2, 2))))
    ch = out
img = tf.randn(1, 3, 16, 16)
feats = []
for st in stages:
    img = st(img)
    feats.append(img)
print([f.shape for f in feats])


def make_heads(d: int, tasks: Dict[str, int]) -> Dict[str, Dense]:
    return {name: Dense(d, n) for name, n in tasks.items()}


heads = make_heads(16, {"age": 1, "gender": 2})
z = tf.randn(5, 16)
outs = {k: head(z) for k, head in heads.items()}
heads["race"] = Dense(16, 7)
print({k: v.shape for k, v in outs.items()}, heads["race"](z).shape)


def build(d_in: int, d_out: int, depth: int) -> Chain:
    layers: List[Dense] = []
    d = d_in
    for _ in range(depth - 1):
        layers.append(Dense(d, 32, relu))
        d = 32
    layers.append(Dense(d, d_out))
    return Chain(*layers)


m1 = build(10, 3, 1)
m2 = build(10, 3, 3)
print(m1(tf.randn(2, 10)).shape, m2(tf.randn(2, 10)).shape)
skips = [tf.randn(1, 4, 8, 8), tf.randn(1, 8, 4, 4)]
u = tf.randn(1, 8, 4, 4)
while skips:
    s = skips.pop()
    if s.shape[1] == u.shape[1]:
        u = u + s
print(u.shape)
