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
print(mlp_in(tf.concat(feats, axis=-1)).shape)  # BUG[gap flow: tensors appended to a list in a loop of known length (feats.append(tf.sin(...)) for k in range(L)) give tf.concat an unknown width]
