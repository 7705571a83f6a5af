"""NeRF's positional encoding: sin and cos at L frequencies appended in a loop, plus the
input; the MLP's first layer forgot the input's own 3 features."""
from typing import Final, List

import typedflux as tf
from typedflux import Dense, Tensor, relu

L: Final = 4
mlp_in = Dense(3 * 2 * L, 32, relu)
pts = tf.randn(10, 3)
feats: List[Tensor] = [pts]
for k in range(L):
    feats.append(tf.sin(pts * 2.0**k))
    feats.append(tf.cos(pts * 2.0**k))
print(mlp_in(tf.concat(feats, axis=-1)).shape)  # BUG  # E: Dense(24 => 32, relu) expects input Tensor[..., 24], got Tensor[10, 27]; need size 24 at axis -1 (got 27)  [shape]
