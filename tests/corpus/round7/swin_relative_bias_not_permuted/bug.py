"""Swin's relative position bias: a learned table indexed by each pair's relative position
gives (N, N, heads), which must be moved to (heads, N, N) before joining the scores."""
from typing import Final

import typedflux as tf

WS: Final = 2
NH: Final = 3
N: Final = WS * WS
table = tf.randn((2 * WS - 1) * (2 * WS - 1), NH)
coords = [(i // WS, i % WS) for i in range(N)]
index = tf.tensor([[(a[0] - b[0] + WS - 1) * (2 * WS - 1) + (a[1] - b[1] + WS - 1)
                    for b in coords] for a in coords])
bias = table[index]
scores = tf.randn(2, NH, N, N)
print(tf.softmax(scores + bias[None], axis=-1).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 3, 4, 4], y has Tensor[1, 4, 4, 3]; need equal sizes or 1 at axis -3 (3 vs 4)  [shape]
