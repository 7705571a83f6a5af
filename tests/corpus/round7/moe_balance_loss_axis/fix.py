"""A mixture-of-experts load-balancing loss: the fraction routed to each expert is a mean
over the batch, not over the experts."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
E: Final = 4


def balance_loss(gates: Tensor[B, E], importance: Tensor[E]) -> Tensor[()]:
    fraction = gates.mean(axis=0)
    return (fraction * importance).sum() * E


print(balance_loss(tf.softmax(tf.randn(6, E)), tf.ones(E) / E).item())
