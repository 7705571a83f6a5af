"""User layers and functions annotated jaxtyping-style with a result dim no argument binds
(`-> Tensor[B, Out]`): in a Chain, as a Parallel branch and called directly, the next layer
takes the width the run gives; nothing is known about Out where the result is used."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Parallel, Tensor

B = TypeVar("B", bound=int)
Out = TypeVar("Out", bound=int)


class Proj:
    def __init__(self, d_out: int) -> None:
        self.w = tf.randn(8, d_out)

    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, Out]:
        return x @ self.w


def first3(x: Tensor[B, 8]) -> Tensor[B, Out]:
    return x[:, :3]  # type: ignore[shape]


model = Chain(Proj(3), Dense(3, 2))
other = Chain(first3, Dense(3, 2))
both = Parallel(tf.cat, Proj(3), Dense(8, 5))
y: Tensor[4, 3] = Proj(3)(tf.randn(4, 8))
print(model(tf.randn(4, 8)).shape, other(tf.randn(4, 8)).shape, both(tf.randn(4, 8)).shape, y.shape)
