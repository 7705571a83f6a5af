"""Module lists changed by del, aliases and slice assignment; constants rebound by match captures and star targets."""

import typedflux as tf
from typedflux import Dense

labels = [0, 1, 2, 1, 0]
del labels[-1]
y = tf.onehot(labels, 3)
print(Dense(3, 1)(y).shape, tf.losses.mse(y, tf.zeros(4, 3)).item())

tags = [0, 1, 2]
alias = tags
alias.append(2)
print(tf.losses.mse(tf.onehot(tags, 3), tf.zeros(4, 3)).item())

ids = [1, 2, 3]
ids[len(ids):] = [4]
print(tf.losses.mse(tf.onehot(ids, 5), tf.zeros(4, 5)).item())

WIDTH = 8
match len("ab") + 14:
    case 16 as WIDTH:
        pass
print(Dense(WIDTH, 2)(tf.randn(1, 16)).shape)

DEPTH = 4
*DEPTH, = [3]
print(DEPTH)


def grow(xs: list = tags) -> None:
    xs.append(0)


pts = [0, 1]
grow(pts)
print(tf.losses.mse(tf.onehot(pts, 2), tf.zeros(3, 2)).item())
