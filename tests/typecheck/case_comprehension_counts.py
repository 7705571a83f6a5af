"""Tensor data written as a comprehension over a list of known length (``[[... for b in
coords] for a in coords]`` with ``coords`` a module list bound once to a comprehension over
``range(N)``) has a known shape, as one over ``range(N)`` has (callbacks/creation.py, counting
by callbacks/list_counts.py): Swin's relative-position index, then a gather from its table."""

from typing import Final

from typing_extensions import reveal_type

import typedflux as tf

WS: Final = 2
NH: Final = 3
N: Final = WS * WS
table = tf.randn((2 * WS - 1) * (2 * WS - 1), NH)
coords = [(i // WS, i % WS) for i in range(N)]
index = tf.tensor([[(a[0] - b[0] + WS - 1) * (2 * WS - 1) + (a[1] - b[1] + WS - 1)
                    for b in coords] for a in coords])
reveal_type(index)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[4]]"
bias = table[index]
scores = tf.randn(2, NH, N, N)
tf.softmax(scores + bias[None], axis=-1)  # E: Cannot broadcast for "add": x has Tensor[2, 3, 4, 4], y has Tensor[1, 4, 4, 3]; need equal sizes or 1 at axis -3 (3 vs 4)  [shape]
tf.softmax(scores + bias.transpose(2, 0, 1)[None], axis=-1)
