"""A mixture of experts: the router scores one expert too few, so its gates do not line up
with the stacked expert outputs."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, gelu

B = TypeVar("B", bound=int)
D: Final = 16
E: Final = 4
experts = [Dense(D, D, gelu) for _ in range(E)]
router = Dense(D, E)


def moe(x: Tensor[B, D]) -> Tensor[B, D]:
    gates = tf.softmax(router(x), axis=-1)
    outs = tf.stack([e(x) for e in experts], axis=1)
    return (gates[:, :, None] * outs).sum(axis=1)


print(moe(tf.randn(3, D)).shape)
