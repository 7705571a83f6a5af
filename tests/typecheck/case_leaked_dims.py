"""A ``Callable`` parameter of ``__init__`` kept in an attribute carries ``__init__``'s own
type variable (``B``) into the attribute's type; called in another method or at module level,
that ``B`` stands for no size there (callbacks/leaked_dims.py): each call binds it, as the
callable's own, so a single argument is never an error (it was a false ``axis 0 is 2,
expected B``), while two arguments that disagree on it are, in any reading of ``B``. In its
own function a type variable stays the caller's size (``apply_fixed``).
"""

from typing import Callable, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def ident(x: Tensor[B, 4]) -> Tensor[B, 4]:
    return x


def add_rows(a: Tensor[B, 4], b: Tensor[B, 4]) -> Tensor[B, 4]:
    return a + b


class Net:
    def __init__(self, act: Callable[[Tensor[B, 4]], Tensor[B, 4]],
                 pair: Callable[[Tensor[B, 4], Tensor[B, 4]], Tensor[B, 4]]) -> None:
        self.act = act
        self.pair = pair

    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 4]:
        y = self.act(tf.zeros(2, 4))
        z: Tensor[2, 4] = self.pair(y, tf.ones(2, 4))
        return self.act(x)


def apply_fixed(g: Callable[[Tensor[B, 4]], Tensor[B, 4]], x: Tensor[B, 4]) -> Tensor[B, 4]:
    return g(x)


net = Net(ident, add_rows)
out: Tensor[3, 4] = net(tf.zeros(3, 4))
five: Tensor[5, 4] = net.act(tf.zeros(5, 4))
six: Tensor[6, 4] = net.pair(tf.zeros(6, 4), tf.ones(6, 4))
net.pair(tf.zeros(2, 4), tf.ones(3, 4))  # at run time: the body fails  # E: Dim "B" differs for "Net.pair": argument "#1" gives B = 2, argument "#2" gives B = 3; need one size for B (2 vs 3)  [shape]  # N: B=2
assert apply_fixed(ident, tf.zeros(7, 4)).shape == (7, 4)
