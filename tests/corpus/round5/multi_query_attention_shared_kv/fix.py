"""Multi-query attention: one shared key/value head of the wrong head size."""
import math

import typedflux as tf
from typedflux import Dense

B, T, D, H = 2, 6, 32, 4
x = tf.randn(B, T, D)
q = tf.rearrange(Dense(D, D)(x), "b t (h d) -> b h t d", h=H)
k = Dense(D, D // H)(x)
v = Dense(D, D // H)(x)
scores = tf.einsum("bhtd,bsd->bhts", q, k) / math.sqrt(D // H)
out = tf.einsum("bhts,bsd->bhtd", tf.softmax(scores), v)
print(out.shape)
