"""Multi-query attention: one shared key/value head of the wrong head size."""
import math

import typedflux as tf
from typedflux import Dense

B, T, D, H = 2, 6, 32, 4
x = tf.randn(B, T, D)
q = tf.rearrange(Dense(D, D)(x), "b t (h d) -> b h t d", h=H)
k = Dense(D, D // 2)(x)
v = Dense(D, D // H)(x)
scores = tf.einsum("bhtd,bsd->bhts", q, k) / math.sqrt(D // H)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[2, 4, 6, 8], xs[1] has Tensor[2, 6, 16]; need one size for "d" in "bhtd,bsd->bhts" (8 at axis 3 of xs[0] vs 16 at axis 2 of xs[1])  [shape]
out = tf.einsum("bhts,bsd->bhtd", tf.softmax(scores), v)
print(out.shape)
