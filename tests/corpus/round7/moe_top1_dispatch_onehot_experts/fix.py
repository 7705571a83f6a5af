"""Top-1 mixture-of-experts dispatch: a one-hot mask of each token's expert picks its
output; the mask was made with one class more than the experts."""
from typing import Final

import typedflux as tf
from typedflux import Dense

E: Final = 4
D: Final = 8
router = Dense(D, E)
experts = [Dense(D, D) for _ in range(E)]
x = tf.randn(6, D)
choice = tf.onecold(router(x))
mask = tf.onehot(choice, E)
outs = tf.stack([e(x) for e in experts], axis=1)
y = (mask[:, :, None] * outs).sum(axis=1)
print(y.shape)
