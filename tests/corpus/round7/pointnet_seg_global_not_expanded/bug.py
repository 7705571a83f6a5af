"""PointNet segmentation concatenates each point's feature with the global one, which must be
repeated over the points first."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
local = Dense(3, 16, relu)
glob = Dense(16, 64, relu)
seg = Dense(80, 4)


def segment(points: Tensor[B, N, 3]) -> Tensor[B, N, 4]:
    f = local(points)
    g = glob(f).max(axis=1)
    g_rep = g[:, None, :]
    return seg(tf.concat([f, g_rep], axis=-1))  # BUG  # E: Sizes differ for "concat": xs[0] has Tensor[B, N, 16], xs[1] has Tensor[B, 1, 64]; need equal sizes except at axis 2 (N vs 1 at axis 1)  [shape]


print(segment(tf.randn(2, 30, 3)).shape)
